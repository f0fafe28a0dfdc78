package org.frontline.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The map page. Everything dynamic happens in frontend/js/map.js; the page only hands it the basemap
 * choice (with no tile URL set the map draws the offline vector basemap, otherwise the XYZ tiles) and the
 * default view (centre as lat,lon and zoom) used when the address does not name one.
 */
@Controller
class MapPageController {

    private final String tilesUrl;
    private final String tilesAttribution;
    private final String center;
    private final int zoom;

    MapPageController(@Value("${frontline.map.tiles.url:}") String tilesUrl,
            @Value("${frontline.map.tiles.attribution:}") String tilesAttribution,
            @Value("${frontline.map.center:35.75,36.65}") String center,
            @Value("${frontline.map.zoom:9}") int zoom) {
        this.tilesUrl = tilesUrl.strip();
        this.tilesAttribution = tilesAttribution.strip();
        this.center = center.strip();
        this.zoom = zoom;
    }

    @GetMapping("/")
    String map(Model model) {
        model.addAttribute("tilesUrl", tilesUrl);
        model.addAttribute("tilesAttribution", tilesAttribution);
        model.addAttribute("center", center);
        model.addAttribute("zoom", zoom);
        return "map";
    }
}
