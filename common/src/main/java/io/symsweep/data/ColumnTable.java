package io.symsweep.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A user's table, column by column, as read from a file: what the CSV reader ({@link CsvTableReader}) gives and
 * what the Spark adapter builds from a Parquet file (numeric Parquet columns as {@link Numeric}, string columns as
 * {@link Text}), so that both reach {@link #select} and fail the same way. Immutable.
 *
 * @param source  the path the table was read from, named in every error
 * @param columns column name to values, in file order; every column has {@link #rows()} values
 */
public record ColumnTable(String source, Map<String, Column> columns) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** One column's values. */
    public sealed interface Column extends java.io.Serializable permits Numeric, Text {
        int size();
    }

    /** Numbers (a Parquet double, float, int or long column). A null cell is NaN. */
    public record Numeric(double[] values) implements Column {
        private static final long serialVersionUID = 1L;

        public Numeric {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /** Text cells (every CSV column, a Parquet string column); a null cell is null. */
    public record Text(String[] cells) implements Column {
        private static final long serialVersionUID = 1L;

        public Text {
            cells = cells.clone();
        }

        @Override
        public String[] cells() {
            return cells.clone();
        }

        @Override
        public int size() {
            return cells.length;
        }
    }

    public ColumnTable {
        if (source == null || columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs a source and at least one column");
        }
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        int n = -1;
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            if (n >= 0 && e.getValue().size() != n) {
                throw new DataFileException(source, e.getKey(), "has " + e.getValue().size() + " rows, other columns " + n);
            }
            n = e.getValue().size();
        }
        if (n == 0) {
            throw new DataFileException(source, null, "holds no rows");
        }
    }

    /** The number of rows. */
    public int rows() {
        return columns.values().iterator().next().size();
    }

    /** The column names, in file order. */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    private Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new DataFileException(source, name, "no such column; the file has " + names());
        }
        return c;
    }

    /** Column {@code name} as finite numbers; a missing column or a cell that is not a finite number throws. */
    public double[] numeric(String name) {
        Column c = column(name);
        if (c instanceof Numeric num) {
            double[] v = num.values;
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new DataFileException(source, name, "row " + (i + 1) + " is " + v[i] + ", not a finite number");
                }
            }
            return v.clone();
        }
        String[] cells = ((Text) c).cells;
        double[] v = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String s = cells[i] == null ? "" : cells[i].trim();
            double x;
            try {
                x = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            if (!Double.isFinite(x)) {
                throw new DataFileException(source, name, "row " + (i + 1) + " holds \"" + s + "\", not a number");
            }
            v[i] = x;
        }
        return v;
    }

    /**
     * The class names of a label column, sorted (numerically when every label is a number, else as strings), and
     * each row's index among them.
     */
    public Labels labels(String name) {
        Column c = column(name);
        String[] cells = new String[c.size()];
        boolean numeric = true;
        for (int i = 0; i < cells.length; i++) {
            String s;
            if (c instanceof Numeric num) {
                double v = num.values[i];
                if (!Double.isFinite(v)) {
                    throw new DataFileException(source, name, "row " + (i + 1) + " has no label (" + v + ")");
                }
                s = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            } else {
                s = ((Text) c).cells[i] == null ? "" : ((Text) c).cells[i].trim();
                if (s.isEmpty()) {
                    throw new DataFileException(source, name, "row " + (i + 1) + " has no label");
                }
            }
            cells[i] = s;
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        TreeSet<String> distinct = numeric
                ? new TreeSet<>((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)))
                : new TreeSet<>();
        distinct.addAll(Arrays.asList(cells));
        List<String> classes = new ArrayList<>(distinct);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        int[] y = new int[cells.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = index.get(distinct.floor(cells[i]));
        }
        if (classes.size() < 2) {
            throw new DataFileException(source, name, "a label column needs at least 2 classes, found " + classes);
        }
        return new Labels(List.copyOf(classes), y);
    }

    /** The classes of a label column and each row's class index. */
    public record Labels(List<String> classes, int[] indices) {
    }

    /**
     * The supervised data the spec names: {@code features} as the inputs, and either one label column
     * (classification; classes as in {@link #labels}) or one or more target columns (regression).
     */
    public SupervisedData select(List<String> features, List<String> targets, Task task) {
        if (features == null || features.isEmpty()) {
            throw new DataFileException(source, null, "no feature columns named");
        }
        if (targets == null || targets.isEmpty()) {
            throw new DataFileException(source, null, "no label or target column named");
        }
        int n = rows();
        double[][] x = new double[n][features.size()];
        for (int j = 0; j < features.size(); j++) {
            double[] col = numeric(features.get(j));
            for (int i = 0; i < n; i++) {
                x[i][j] = col[i];
            }
        }
        if (task == Task.CLASSIFICATION) {
            if (targets.size() != 1) {
                throw new DataFileException(source, null, "classification takes one label column, found " + targets);
            }
            Labels l = labels(targets.get(0));
            return SupervisedData.classification(x, l.indices(), l.classes().size());
        }
        double[][] t = new double[n][targets.size()];
        for (int j = 0; j < targets.size(); j++) {
            double[] col = numeric(targets.get(j));
            for (int i = 0; i < n; i++) {
                t[i][j] = col[i];
            }
        }
        return SupervisedData.regression(x, t);
    }
}
