/**
 * Audio front end: streaming readers and the DSP that turns recordings into model windows.
 *
 * <ul>
 *   <li>{@link org.echomask.audio.AudioReaders} opens WAV/RF64 ({@link org.echomask.audio.WavReader}) and
 *       FLAC ({@link org.echomask.audio.FlacReader}) by magic bytes; every reader streams in blocks.
 *   <li>Broken headers: a WAV reader derives block align and byte rate from channels x bits and
 *       lists what it tolerated in {@link org.echomask.audio.WavReader#repairs()}; anything ambiguous
 *       (packed odd bit depths, compressed format tags) is refused with the reason.
 *   <li>Truncation (fewer bytes than declared) is an error when the reader reaches the early end:
 *       {@code AudioFileException("truncated: N frames declared, M present")}, after delivering
 *       the M frames. {@link org.echomask.audio.ReadOptions#lenient()} accepts such files; samples are never
 *       padded.
 *   <li>Hostile sizes: no array is sized by a header alone. Whole-file reads make room for the
 *       frames the bytes present can hold ({@link org.echomask.audio.AudioSource#sizeHintFrames()}),
 *       block buffers shrink as the channel count grows, and what is not a regular file (a FIFO
 *       named x.wav) is refused before it is opened.
 *   <li>FLAC is decoded by jflac behind guards ({@link org.echomask.audio.FlacReader}): metadata is
 *       walked here and must fit in the file; a corrupt frame (checksum, header, subframe, lost sync)
 *       refuses the file naming the time of the first and the number of corrupt frames, since jflac
 *       would zero-fill or drop it; a STREAMINFO total below the frames present is a corrupt header.
 *   <li>DSP matches scipy: {@link org.echomask.audio.Resampler} = {@code resample_poly},
 *       {@link org.echomask.audio.ButterworthFilter} = {@code butter(..., output='sos')} + {@code sosfilt},
 *       {@link org.echomask.audio.Segments#percentile} = {@code numpy.percentile} (linear).
 *   <li>{@link org.echomask.audio.AudioWindows} yields mono, optionally resampled windows of any-length
 *       recordings with memory bounded by window and block size.
 * </ul>
 */
package org.echomask.audio;
