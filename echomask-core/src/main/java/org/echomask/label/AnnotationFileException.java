package org.echomask.label;

import java.nio.file.Path;
import org.echomask.EchomaskException;

/**
 * An annotation file (Raven table, Audacity labels, CSV) that cannot be read: names the file and,
 * where known, the 1-based line and the column, so the user can open the file and fix that cell.
 */
public class AnnotationFileException extends EchomaskException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;
    private final int line;
    private final String column;
    private final String problem;

    public AnnotationFileException(Path path, int line, String column, String problem) {
        this(path, line, column, problem, null);
    }

    /**
     * @param line 1-based line, or 0 when the problem is not on one line
     * @param column column name, or null
     */
    public AnnotationFileException(Path path, int line, String column, String problem, Throwable cause) {
        super(where(path, line, column) + ": " + problem, cause);
        this.path = path;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public Path path() {
        return path;
    }

    /** 1-based line, 0 when not tied to a line. */
    public int line() {
        return line;
    }

    /** The column name, or null. */
    public String column() {
        return column;
    }

    /** The problem alone, without file, line and column (for an errors.csv column). */
    public String problem() {
        return problem;
    }

    private static String where(Path path, int line, String column) {
        StringBuilder sb = new StringBuilder(path == null ? "<annotations>" : path.toString());
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column != null) {
            sb.append(", column \"").append(column).append('"');
        }
        return sb.toString();
    }
}
