package org.echomask.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic separable images for trainer tests: 8x8 noise with a bright 2x2 square in the left
 * half (class 0) or the right half (class 1). Targets are one-hot rows. Augmentation flips
 * vertically (the class survives) and adds noise, drawing only from the random given.
 */
final class SquareData implements BatchSource {
    static final int SIDE = 8;
    private final float[][] images;
    private final int[] labels;

    SquareData(int size, long seed) {
        Random random = new Random(seed);
        images = new float[size][];
        labels = new int[size];
        for (int n = 0; n < size; n++) {
            labels[n] = n % 2;
            float[] image = new float[SIDE * SIDE];
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) (0.3 * random.nextGaussian());
            }
            int row = random.nextInt(SIDE - 1);
            int col = random.nextInt(SIDE / 2 - 1) + (labels[n] == 1 ? SIDE / 2 : 0);
            for (int r = row; r < row + 2; r++) {
                for (int c = col; c < col + 2; c++) {
                    image[r * SIDE + c] += 1.5f;
                }
            }
            images[n] = image;
        }
    }

    @Override
    public int size() {
        return images.length;
    }

    @Override
    public HostBatch batch(List<Integer> indices, boolean augment, Random random) {
        int n = indices.size();
        float[] data = new float[n * SIDE * SIDE];
        float[] target = new float[n * 2];
        List<String> ids = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int index = indices.get(k);
            ids.add("square-" + index);
            float[] image = images[index];
            boolean flip = augment && random.nextBoolean();
            for (int r = 0; r < SIDE; r++) {
                int source = flip ? SIDE - 1 - r : r;
                for (int c = 0; c < SIDE; c++) {
                    float noise = augment ? (float) (0.1 * random.nextGaussian()) : 0f;
                    data[k * SIDE * SIDE + r * SIDE + c] = image[source * SIDE + c] + noise;
                }
            }
            target[k * 2 + labels[index]] = 1f;
        }
        return new HostBatch(ids, List.of(new HostTensor(data, new long[] {n, 1, SIDE, SIDE})),
                new HostTensor(target, new long[] {n, 2}));
    }
}
