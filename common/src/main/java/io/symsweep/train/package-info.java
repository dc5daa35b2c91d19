/**
 * Training to a minimum: settings, results and statuses shared by every engine. Full-batch gradient
 * descent on the sum-of-squares loss; numerical failure is a {@link io.symsweep.train.TrainingStatus},
 * never an exception. {@link io.symsweep.train.GaussNewtonPolish} finishes a linear network's descent with
 * quadratically convergent Gauss-Newton steps.
 */
package io.symsweep.train;
