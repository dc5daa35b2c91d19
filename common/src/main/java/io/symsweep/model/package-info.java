/**
 * Networks as data: architectures ({@link io.symsweep.model.MlpArchitecture}), activations, parameters
 * ({@link io.symsweep.model.MlpParameters}) and the regression data they are fit to. Nothing here trains
 * or probes; see {@code engine}, {@code train} and {@code probe}.
 */
package io.symsweep.model;
