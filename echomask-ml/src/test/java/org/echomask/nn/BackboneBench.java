package org.echomask.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Forward + backward cost of the default backbones (and the default DeepLabV3) on CPU, per example
 * at batch 32 of 1×128×128 inputs, every batch in its own sub-manager as the trainer does. Not a
 * test: run by {@code bench/backbones.sh}.
 *
 * <p>The machine is shared, so the networks are interleaved round by round (contention hits them
 * alike) and two figures are printed: the fastest wall time of any round (closest to an idle
 * machine) and the median process CPU time (all threads; less sensitive to other load, but
 * includes the thread pool's spinning).
 *
 * <p>Arguments: [rounds (default 7)] [batch (default 32)] [size (default 128)] [names...]; a name
 * is an architecture (its defaults), {@code architecture:width:depth} to try other settings, or
 * {@code deeplabv3}.
 */
public final class BackboneBench {
    private BackboneBench() {}

    private record Entry(String name, String spec, Block block, NDManager manager, long params, double[] wall,
            double[] cpu) {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        List<String> names = args.length > 3 ? Arrays.asList(args).subList(3, args.length)
                : new ArrayList<>(Backbones.names());
        if (args.length <= 3) {
            names.add("deeplabv3");
        }
        Engine engine = Engines.pytorch();
        engine.setRandomSeed(1);
        Shape shape = new Shape(batch, 1, size, size);
        List<Entry> entries = new ArrayList<>();
        for (String name : names) {
            String spec;
            Block block;
            if (name.equals("deeplabv3")) {
                SegmenterSpec s = DeepLabV3.defaults();
                spec = s.describe();
                block = DeepLabV3.create(s);
            } else if (name.contains(":")) {
                String[] parts = name.split(":");
                BackboneSpec s = BackboneSpec.defaults(parts[0]).withWidthMultiplier(Double.parseDouble(parts[1]))
                        .withDepth(parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
                spec = s.describe();
                block = Backbones.create(s).block();
            } else {
                BackboneSpec s = BackboneSpec.defaults(name);
                spec = s.describe();
                block = Backbones.create(s).block();
            }
            NDManager manager = engine.newBaseManager();
            block.initialize(manager, DataType.FLOAT32, shape);
            entries.add(new Entry(name, spec, block, manager, Layers.trainableParameterCount(block), new double[rounds],
                    new double[rounds]));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = -1; round < rounds; round++) {
            for (Entry e : entries) {
                ParameterStore store = new ParameterStore(e.manager(), false);
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                step(engine, e.manager(), store, e.block(), shape);
                if (round >= 0) {
                    e.wall()[round] = (System.nanoTime() - wall0) / 1e6 / batch;
                    e.cpu()[round] = (os.getProcessCpuTime() - cpu0) / 1e6 / batch;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d CPU threads visible, batch %d x 1 x %d x %d, %d interleaved rounds, "
                + "load average %.1f%n", Engines.describe(), Runtime.getRuntime().availableProcessors(), batch, size, size,
                rounds, os.getSystemLoadAverage());
        double reference = Double.NaN;
        System.out.printf(Locale.ROOT, "%-18s %10s %13s %13s %9s  %s%n", "name", "params", "min wall ms", "med cpu ms",
                "x resnet18", "spec");
        for (Entry e : entries) {
            double best = Arrays.stream(e.wall()).min().orElseThrow();
            double[] cpu = e.cpu().clone();
            Arrays.sort(cpu);
            if (e.name().equals("resnet18")) {
                reference = best;
            }
            System.out.printf(Locale.ROOT, "%-18s %10d %13.2f %13.2f %9.1f  %s%n", e.name(), e.params(), best,
                    cpu[rounds / 2], best / reference, e.spec());
            e.manager().close();
        }
    }

    private static void step(Engine engine, NDManager manager, ParameterStore store, Block block, Shape shape) {
        try (NDManager batch = manager.newSubManager();
                GradientCollector collector = engine.newGradientCollector()) {
            NDArray x = batch.randomNormal(shape);
            NDArray out = block.forward(store, new NDList(x), true).singletonOrThrow();
            NDArray loss = out.square().mean();
            collector.backward(loss);
        }
    }
}
