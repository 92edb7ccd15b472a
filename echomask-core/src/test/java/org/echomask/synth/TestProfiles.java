package org.echomask.synth;

/** Profiles derived from the built-ins for tests that need one knob pinned. */
final class TestProfiles {
    private TestProfiles() {}

    /** {@code base} with every label always present, one event each, all at a fixed SNR. */
    static SynthProfile allLabelsOnce(SynthProfile base, double snrDb, double vesselProbability) {
        BelugaWhistle.Spec w = base.whistle();
        ClickTrain.Spec b = base.belugaClick();
        ClickTrain.Spec p = base.porpoiseClick();
        VesselNoise.Spec v = base.vessel();
        Range one = Range.constant(1);
        Range snr = Range.constant(snrDb);
        return new SynthProfile(base.name(), 1, 1, 1, 0,
                new BelugaWhistle.Spec(one, snr, w.durationS(), w.startHz(), w.sweepHz(), w.bendHz(), w.fundamentalHz(),
                        w.modulationProbability(), w.modulationRateHz(), w.modulationDepthHz(), w.harmonics(),
                        w.harmonicDropDb(), w.rampFraction()),
                clicks(b, one, snr), clicks(p, one, snr),
                new VesselNoise.Spec(vesselProbability, v.levelDb(), v.kneeHz(), v.slope(), v.bladeRateHz(),
                        v.bladeHarmonics(), v.machineryTonals(), v.machineryHz(), v.tonalLevelDb(), v.modulationDepth(),
                        v.cpaFraction(), v.passWidthS()),
                base.ambient(), base.sensor());
    }

    private static ClickTrain.Spec clicks(ClickTrain.Spec s, Range count, Range snr) {
        return new ClickTrain.Spec(count, snr, s.trainS(), s.iciMs(), s.peakHz(), s.peakJitterHz(), s.clickUs(),
                s.levelDriftDb(), s.levelJitterDb());
    }
}
