package org.frontline.agreements.internal;

import org.frontline.agreements.Agreement;
import org.frontline.agreements.AgreementService;
import org.frontline.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The agreements pages: the list, and one agreement with its clauses, breach chart and edit form. */
@Controller
class AgreementPagesController {
    private final AgreementService agreements;

    AgreementPagesController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @GetMapping("/agreements")
    String list(Model model) {
        model.addAttribute("agreements", agreements.list(null));
        return "agreements/list";
    }

    @GetMapping("/agreements/{id}")
    String page(@PathVariable String id, Model model) {
        Agreement a = agreements.find(id, null).orElseThrow(() -> new NotFoundException("no agreement '" + id + "'"));
        model.addAttribute("a", a);
        return "agreements/page";
    }
}
