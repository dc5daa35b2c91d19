package io.symsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader and {@link ColumnTable#select}: values, quoting, and errors that name the path and column. */
class CsvTableReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsFeaturesLabelsAndTargets() throws Exception {
        Path p = write("d.csv", "\uFEFFid,x1,\"x,2\",species,y\r\n"
                + "a,1.5,2,setosa,0.25\r\n"
                + "\"b \"\"q\"\"\",-3,4e-1,virginica,1\n"
                + "\n"
                + "c,0,7,setosa,-2\n");
        ColumnTable t = CsvTableReader.read(p);
        assertEquals(List.of("id", "x1", "x,2", "species", "y"), t.names());
        assertEquals(3, t.rows());
        SupervisedData c = t.select(List.of("x1", "x,2"), List.of("species"), Task.CLASSIFICATION);
        assertArrayEquals(new double[] {1.5, 2, -3, 0.4, 0, 7}, c.featuresRowMajor(), 0.0);
        assertArrayEquals(new int[] {0, 1, 0}, c.labels(), "classes sorted: setosa, virginica");
        assertEquals(2, c.outputs());
        SupervisedData r = t.select(List.of("x1"), List.of("y", "x,2"), Task.REGRESSION);
        assertArrayEquals(new double[] {-2, 7}, r.target(2), 0.0);
        assertEquals("b \"q\"", ((ColumnTable.Text) t.columns().get("id")).cells()[1]);
    }

    @Test
    void numericLabelsSortAsNumbers() throws Exception {
        Path p = write("n.csv", "x,label\n1,10\n2,9\n3,10\n4,2\n");
        SupervisedData d = CsvTableReader.read(p).select(List.of("x"), List.of("label"), Task.CLASSIFICATION);
        assertArrayEquals(new int[] {2, 1, 2, 0}, d.labels(), "classes 2, 9, 10 in numeric order");
    }

    @Test
    void errorsNameThePathAndTheColumn() throws Exception {
        Path missing = dir.resolve("nope.csv");
        DataFileException e = assertThrows(DataFileException.class, () -> CsvTableReader.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());

        Path p = write("bad.csv", "x1,x2,y\n1,2,3\n4,oops,6\n");
        ColumnTable t = CsvTableReader.read(p);
        e = assertThrows(DataFileException.class, () -> t.select(List.of("x1", "x3"), List.of("y"), Task.REGRESSION));
        assertEquals(p + ", column x3: no such column; the file has [x1, x2, y]", e.getMessage());
        e = assertThrows(DataFileException.class, () -> t.select(List.of("x1", "x2"), List.of("y"), Task.REGRESSION));
        assertEquals(p + ", column x2: row 2 holds \"oops\", not a number", e.getMessage());
        assertEquals("x2", e.column());

        Path empty = write("empty.csv", "x,y\n1,\n");
        ColumnTable te = CsvTableReader.read(empty);
        e = assertThrows(DataFileException.class, () -> te.select(List.of("x"), List.of("y"), Task.REGRESSION));
        assertEquals(empty + ", column y: row 1 holds \"\", not a number", e.getMessage());

        Path ragged = write("ragged.csv", "x,y\n1,2\n3\n");
        e = assertThrows(DataFileException.class, () -> CsvTableReader.read(ragged));
        assertEquals(ragged + ": line 3 has 1 fields, the header 2", e.getMessage());
    }

    @Test
    void aParquetShapedTableFailsTheSameWay() {
        java.util.LinkedHashMap<String, ColumnTable.Column> cols = new java.util.LinkedHashMap<>();
        cols.put("a", new ColumnTable.Numeric(new double[] {1, Double.NaN}));
        cols.put("b", new ColumnTable.Numeric(new double[] {0, 1}));
        ColumnTable t = new ColumnTable("data/x.parquet", cols);
        DataFileException e = assertThrows(DataFileException.class,
                () -> t.select(List.of("a"), List.of("b"), Task.CLASSIFICATION));
        assertEquals("data/x.parquet, column a: row 2 is NaN, not a finite number", e.getMessage());
        assertArrayEquals(new int[] {0, 1}, t.labels("b").indices());
    }
}
