package org.frontline.reports;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The review queue page; its script does the work through the /api/reports endpoints. */
@Controller
class ReviewPageController {

    @GetMapping("/reports/review")
    String review(Model model, Principal user) {
        model.addAttribute("user", user == null ? "anonymous" : user.getName());
        return "reports/review";
    }
}
