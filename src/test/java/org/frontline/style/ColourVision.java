package org.frontline.style;

/**
 * Colour-vision deficiency simulation (Machado, Oliveira and Fernandes 2009, severity 1, on linear RGB) and the
 * CIE76 colour difference in CIELAB: two colours a deuteranope or protanope can tell apart stay far apart.
 */
public final class ColourVision {
    public static final double[][] PROTANOPIA = {
        {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}
    };
    public static final double[][] DEUTERANOPIA = {
        {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}
    };
    public static final double[][] NORMAL = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    private ColourVision() {}

    /** '#rrggbb' or 'rgb(r, g, b)' as seen through {@code matrix}, in CIELAB. */
    public static double[] lab(String colour, double[][] matrix) {
        int[] rgb = parse(colour);
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            lin[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double[] sim = new double[3];
        for (int i = 0; i < 3; i++) {
            sim[i] = Math.min(1, Math.max(0, matrix[i][0] * lin[0] + matrix[i][1] * lin[1] + matrix[i][2] * lin[2]));
        }
        double x = (0.4124 * sim[0] + 0.3576 * sim[1] + 0.1805 * sim[2]) / 0.95047;
        double y = 0.2126 * sim[0] + 0.7152 * sim[1] + 0.0722 * sim[2];
        double z = (0.0193 * sim[0] + 0.1192 * sim[1] + 0.9505 * sim[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** CIE76 ΔE between two colours as seen through {@code matrix}. */
    public static double distance(String a, String b, double[][] matrix) {
        double[] p = lab(a, matrix);
        double[] q = lab(b, matrix);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    static int[] parse(String colour) {
        String c = colour.strip();
        if (c.startsWith("#") && c.length() == 7) {
            return new int[] {
                Integer.parseInt(c.substring(1, 3), 16),
                Integer.parseInt(c.substring(3, 5), 16),
                Integer.parseInt(c.substring(5, 7), 16)
            };
        }
        if (c.startsWith("rgb")) {
            String[] parts = c.substring(c.indexOf('(') + 1, c.indexOf(')')).split(",");
            return new int[] {
                Integer.parseInt(parts[0].strip()),
                Integer.parseInt(parts[1].strip()),
                Integer.parseInt(parts[2].strip())
            };
        }
        throw new IllegalArgumentException("not a colour: " + colour);
    }
}
