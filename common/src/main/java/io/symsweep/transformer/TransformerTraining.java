package io.symsweep.transformer;

import io.symsweep.params.ParameterSet;
import io.symsweep.symmetry.Permutation;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Trains a transformer with SameDiff ({@code SameDiff.fit}, its Adam updater) in float64. Every random draw derives
 * from one seed: the initialisation ({@link TransformerParameters#initialise}) and the order of the mini-batches
 * (a Fisher-Yates shuffle per epoch), so two runs with the same arguments give identical bits on the same machine
 * and thread count.
 */
public final class TransformerTraining {

    private TransformerTraining() {
    }

    /** How a run ended. */
    public enum Status {
        /** All steps taken, loss and weights finite. */
        TRAINED,
        /** The loss or a weight became NaN or infinite; training stopped at the end of that epoch. */
        DIVERGED
    }

    /**
     * A trained model.
     *
     * @param model    the final weights
     * @param train    loss and accuracy of the final weights on the training set (host-side, from the logits)
     * @param steps    optimiser steps taken
     * @param seconds  wall time of the training loop (the final evaluation excluded)
     * @param status   how it ended
     */
    public record Result(TransformerModel model, TransformerGraph.Evaluation train, long steps, double seconds,
            Status status) implements java.io.Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** {@code arch} initialised from {@code seed} and trained on {@code train}. */
    public static Result train(TransformerArchitecture arch, SequenceData train, TrainingSchedule schedule, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        long initSeed = root.nextLong();
        long orderSeed = root.nextLong();
        return train(new TransformerModel(arch, TransformerParameters.initialise(arch, initSeed)), train, schedule,
                orderSeed);
    }

    /** {@code start} trained on {@code train}, the batch order drawn from {@code orderSeed}. */
    public static Result train(TransformerModel start, SequenceData train, TrainingSchedule schedule, long orderSeed) {
        TransformerGraph graph = new TransformerGraph(start);
        graph.requireFits(train);
        long total = schedule.totalSteps(train.samples());
        TrainingConfig config = new TrainingConfig.Builder()
                .updater(new Adam(new WarmupCosine(schedule, total)))
                .weightDecay(schedule.weightDecay(), true)
                .dataSetFeatureMapping(TransformerGraph.INPUT)
                .dataSetLabelMapping(TransformerGraph.LABELS, TransformerGraph.WEIGHTS)
                .build();
        graph.sameDiff().setTrainingConfig(config);
        Batches batches = new Batches(train, schedule.batchSize(), orderSeed);
        long began = System.nanoTime();
        Status status = Status.TRAINED;
        int run = 0;
        for (int e = 0; e < schedule.epochs(); e++) {
            graph.sameDiff().fit(batches, 1);
            run++;
            // a NaN or infinity anywhere reaches the head's weights within one step
            if (!Double.isFinite(graph.sameDiff().getArrForVarName(TransformerParameters.HEAD_WEIGHT).sumNumber().doubleValue())) {
                status = Status.DIVERGED;
                break;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        ParameterSet trained = graph.export();
        if (!trained.isFinite()) {
            status = Status.DIVERGED;
        }
        TransformerGraph.Evaluation evaluation = status == Status.TRAINED ? graph.evaluate(train)
                : new TransformerGraph.Evaluation(Double.NaN, Double.NaN, train.targetCount());
        return new Result(new TransformerModel(start.architecture(), trained), evaluation,
                (long) run * schedule.stepsPerEpoch(train.samples()), seconds, status);
    }

    /**
     * Adam steps of SameDiff on one fixed batch, for measuring the cost of a training step: the same graph, training
     * configuration and {@code fit} call as {@link #train}, without the data shuffling.
     */
    public static final class Stepper {

        private final TransformerGraph graph;

        /** A graph holding {@code start}, set up for Adam at a constant {@code learningRate}. */
        public Stepper(TransformerModel start, double learningRate) {
            graph = new TransformerGraph(start);
            graph.sameDiff().setTrainingConfig(new TrainingConfig.Builder()
                    .updater(new Adam(learningRate))
                    .dataSetFeatureMapping(TransformerGraph.INPUT)
                    .dataSetLabelMapping(TransformerGraph.LABELS, TransformerGraph.WEIGHTS)
                    .build());
        }

        /** {@code steps} optimiser steps on {@code batch}, in one {@code fit} call. */
        public void steps(SequenceData batch, int steps) {
            graph.requireFits(batch);
            MultiDataSet ds = new org.nd4j.linalg.dataset.MultiDataSet(
                    new INDArray[] {TransformerGraph.inputArray(batch, 0, batch.samples())},
                    TransformerGraph.lossArrays(batch, 0, batch.samples()));
            graph.sameDiff().fit(new Repeated(ds, steps), 1);
        }

        /** Ops of the forward graph with the loss. */
        public int forwardOps() {
            return graph.opCount();
        }

        /** Ops of SameDiff's gradient function (forward, loss and backward), after the first step; 0 before. */
        public int gradientOps() {
            var grad = graph.sameDiff().getFunction("grad");
            return grad == null ? 0 : grad.ops().length;
        }

        /** The graph (to time forward passes or read the weights). */
        public TransformerGraph graph() {
            return graph;
        }
    }

    /** An iterator over batches held in memory: resettable, synchronous, without preprocessing. */
    abstract static class InMemoryBatches implements MultiDataSetIterator {

        private static final long serialVersionUID = 1L;

        @Override
        public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
            throw new UnsupportedOperationException("no preprocessing");
        }

        @Override
        public MultiDataSetPreProcessor getPreProcessor() {
            return null;
        }

        @Override
        public boolean resetSupported() {
            return true;
        }

        @Override
        public boolean asyncSupported() {
            return false;
        }
    }

    /** One batch {@code times} times. */
    private static final class Repeated extends InMemoryBatches {

        private static final long serialVersionUID = 1L;
        private final MultiDataSet ds;
        private final int times;
        private int served;

        Repeated(MultiDataSet ds, int times) {
            this.ds = ds;
            this.times = times;
        }

        @Override
        public boolean hasNext() {
            return served < times;
        }

        @Override
        public MultiDataSet next() {
            served++;
            return ds;
        }

        @Override
        public MultiDataSet next(int num) {
            return next();
        }

        @Override
        public void reset() {
            served = 0;
        }
    }

    /** The learning rate of {@link TrainingSchedule#learningRateAt} by SameDiff's iteration count. */
    static final class WarmupCosine implements ISchedule {

        private static final long serialVersionUID = 1L;
        private final TrainingSchedule schedule;
        private final long total;

        WarmupCosine(TrainingSchedule schedule, long total) {
            this.schedule = schedule;
            this.total = total;
        }

        @Override
        public double valueAt(int iteration, int epoch) {
            return schedule.learningRateAt(iteration, total);
        }

        @Override
        public ISchedule clone() {
            return new WarmupCosine(schedule, total);
        }
    }

    /**
     * Mini-batches in a seeded order: epoch {@code e}'s permutation is the {@code e}-th Fisher-Yates shuffle of one
     * {@code SplittableRandom}. {@link #reset()} starts the next epoch (SameDiff calls it when an epoch is used up).
     */
    static final class Batches extends InMemoryBatches {

        private static final long serialVersionUID = 1L;
        private final SequenceData data;
        private final int batchSize;
        private final SplittableRandom rng;
        private int[] order;
        private int cursor;

        Batches(SequenceData data, int batchSize, long seed) {
            this.data = data;
            this.batchSize = batchSize;
            this.rng = new SplittableRandom(seed);
            shuffle();
        }

        private void shuffle() {
            order = Permutation.randomImages(rng, data.samples());
            cursor = 0;
        }

        @Override
        public boolean hasNext() {
            return cursor < order.length;
        }

        @Override
        public MultiDataSet next() {
            return next(batchSize);
        }

        @Override
        public MultiDataSet next(int num) {
            int to = Math.min(order.length, cursor + num);
            SequenceData batch = data.subset(java.util.Arrays.copyOfRange(order, cursor, to));
            cursor = to;
            INDArray x = TransformerGraph.inputArray(batch, 0, batch.samples());
            INDArray[] y = TransformerGraph.lossArrays(batch, 0, batch.samples());
            return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x}, y);
        }

        @Override
        public void reset() {
            shuffle();
        }
    }
}
