package org.echomask.cli;

import picocli.CommandLine.Option;

/** Which channel of a multi-channel recording is read ({@code dataset}, {@code spectrogram}, {@code analyze}). */
final class ChannelOption {
    @Option(names = "--channel", defaultValue = "-1", converter = Bounds.Channel.class,
            description = "0-based channel to read; -1 mixes all channels down (their mean). Default: ${DEFAULT-VALUE}.")
    int channel;
}
