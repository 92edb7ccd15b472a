package org.echomask.audio;

/** What to do with the samples after the last whole window. */
public enum LastWindow {
    /** Only whole windows; trailing samples no window covers are dropped. */
    DROP,
    /** One more window at the next hop, of full length, zero-padded past the end. */
    PAD,
    /** One more window at the next hop, cut short at the end of the signal. */
    KEEP_SHORT
}
