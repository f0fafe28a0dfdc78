package org.frontline.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The map page. Everything dynamic happens in frontend/js/map.js; the page only hands it the basemap
 * choice: with no tile URL set the map draws the offline vector basemap, otherwise the XYZ tiles.
 */
@Controller
class MapPageController {

    private final String tilesUrl;
    private final String tilesAttribution;

    MapPageController(@Value("${frontline.map.tiles.url:}") String tilesUrl,
            @Value("${frontline.map.tiles.attribution:}") String tilesAttribution) {
        this.tilesUrl = tilesUrl.strip();
        this.tilesAttribution = tilesAttribution.strip();
    }

    @GetMapping("/")
    String map(Model model) {
        model.addAttribute("tilesUrl", tilesUrl);
        model.addAttribute("tilesAttribution", tilesAttribution);
        return "map";
    }
}
