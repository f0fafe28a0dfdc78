package org.frontline.security.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page in the app's own look (Spring Security handles the POST to /login). */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        return "login";
    }
}
