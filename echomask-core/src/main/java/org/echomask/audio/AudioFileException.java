package org.echomask.audio;

import java.nio.file.Path;
import org.echomask.EchomaskException;

/** A recording that cannot be read, with the file and what is wrong with it. */
public class AudioFileException extends EchomaskException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;
    private final String problem;

    public AudioFileException(Path path, String problem) {
        this(path, problem, null);
    }

    public AudioFileException(Path path, String problem, Throwable cause) {
        super((path == null ? "<audio>" : path.toString()) + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    public Path path() {
        return path;
    }

    /** The problem alone, without the file name (for an errors.csv column). */
    public String problem() {
        return problem;
    }
}
