package org.frontline.gazetteer;

/**
 * One gazetteer entry in GeoNames terms: feature class (A = country/area, P = populated place...) and code
 * (PCLI country, ADM1 governorate, PPLC capital, PPLA seat...). {@code bbox} (minLon, minLat, maxLon, maxLat)
 * is set for areas only. {@code geonameId} ≤ 0 marks an entry made by hand for Frontline, not by GeoNames.
 */
public record Place(long geonameId, String name, double lat, double lon, String featureClass, String featureCode,
        String country, String admin1, long population, double[] bbox) {

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

    public Long publicGeonameId() {
        return geonameId > 0 ? geonameId : null;
    }
}
