package org.frontline.gazetteer;

/**
 * One gazetteer entry in GeoNames terms: feature class (A = country/area, P = populated place...) and code
 * (PCLI country, ADM1 governorate, PPLC capital, PPLA seat...). {@code bbox} (minLon, minLat, maxLon, maxLat)
 * is set for areas only. {@code geonameId} ≤ 0 marks an entry made by hand for Frontline, not by GeoNames.
 */
public record Place(
        long geonameId,
        String name,
        double lat,
        double lon,
        String featureClass,
        String featureCode,
        String country,
        String admin1,
        long population,
        double[] bbox) {

    /** Every place has a finite position on the globe: a NaN, an Infinity or lat 95 never enters the gazetteer. */
    public Place {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("place " + geonameId + " '" + name + "': lat " + lat + ", lon " + lon
                    + " is not a position (lat in [-90, 90], lon in [-180, 180])");
        }
        if (bbox != null
                && (bbox.length != 4
                        || !(Math.abs(bbox[0]) <= 180 && Math.abs(bbox[2]) <= 180)
                        || !(Math.abs(bbox[1]) <= 90 && Math.abs(bbox[3]) <= 90))) {
            throw new IllegalArgumentException(
                    "place " + geonameId + " '" + name + "': bbox is not a box on the globe");
        }
    }

    public boolean isCountry() {
        return "A".equals(featureClass) && featureCode.startsWith("PCL");
    }

    public boolean isProvince() {
        return "A".equals(featureClass) && "ADM1".equals(featureCode);
    }

    public boolean isSettlement() {
        return "P".equals(featureClass);
    }

    /** What the API calls it: country, province, region, facility, city, town or place. */
    public String kind() {
        if (isCountry()) return "country";
        if (isProvince()) return "province";
        if ("L".equals(featureClass) || "T".equals(featureClass)) return "region";
        if ("S".equals(featureClass)) return "facility";
        if (isSettlement()) return population >= 100_000 || featureCode.equals("PPLC") ? "city" : "town";
        return "place";
    }

    /** An entry an analyst taught in review ({@link LearnedEntry}). */
    public boolean learned() {
        return LearnedEntry.isLearned(geonameId);
    }

    public Long publicGeonameId() {
        return geonameId > 0 ? geonameId : null;
    }
}
