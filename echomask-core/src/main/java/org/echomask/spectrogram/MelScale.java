package org.echomask.spectrogram;

/** The two mel formulas in use: HTK's 2595·log10(1+f/700) and Slaney's (linear below 1 kHz). */
public enum MelScale {
    HTK, SLANEY
}
