package org.frontline.reports.internal;

import java.security.Principal;
import org.frontline.settings.FrontlineSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The review queue page; its script does the work through the /api/reports endpoints. */
@Controller
class ReviewPageController {

    private final String tilesUrl;
    private final String tilesAttribution;

    ReviewPageController(FrontlineSettings settings) {
        this.tilesUrl = settings.map().tiles().url();
        this.tilesAttribution = settings.map().tiles().attribution();
    }

    @GetMapping("/reports/review")
    String review(Model model, Principal user) {
        model.addAttribute("user", user == null ? "anonymous" : user.getName());
        model.addAttribute("tilesUrl", tilesUrl);
        model.addAttribute("tilesAttribution", tilesAttribution);
        return "reports/review";
    }
}
