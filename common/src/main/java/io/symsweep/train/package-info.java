/**
 * Training to a minimum: settings, results and statuses shared by every engine. Full-batch gradient
 * descent on the sum-of-squares loss; numerical failure is a {@link io.symsweep.train.TrainingStatus},
 * never an exception. The engines ({@code io.symsweep.engine}) train; this package is the vocabulary they share
 * and depends on no engine.
 */
package io.symsweep.train;
