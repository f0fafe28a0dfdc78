package org.frontline.web;

import org.frontline.settings.FrontlineSettings;
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

    MapPageController(FrontlineSettings settings) {
        this.tilesUrl = settings.map().tiles().url().strip();
        this.tilesAttribution = settings.map().tiles().attribution().strip();
        this.center = settings.map().center().strip();
        this.zoom = settings.map().zoom();
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
