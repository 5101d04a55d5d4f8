package ma.tadafor.dashboard.imports;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.ingestion.upload.ImportKind;
import ma.tadafor.ingestion.upload.ImportRejectedException;

/**
 * The upload page: a commune focal point sends their commune's activity file, naming the commune
 * by its name (a list of the programme communes of their scope) or code; programme staff also INDH
 * lists. Below, the history of uploads. Refusals are worded in the user's language.
 */
@Controller
class ImportPageController {

    private final Imports imports;
    private final ImportErrorMessages messages;
    private final TerritoryQueries territories;
    private final Wording wording;
    private final ImportProperties limits;

    ImportPageController(Imports imports, ImportErrorMessages messages, TerritoryQueries territories, Wording wording,
                         ImportProperties limits) {
        this.imports = imports;
        this.messages = messages;
        this.territories = territories;
        this.wording = wording;
        this.limits = limits;
    }

    @GetMapping("/imports")
    String page(@AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        List<Commune> communes = territories.communes(user.scope(), true);
        model.addAttribute("indhAllowed", indhAllowed(user));
        model.addAttribute("communes", communes);
        if (!model.containsAttribute("communeCode")) {
            model.addAttribute("communeCode", communes.size() == 1 && user.scope().communes().size() == 1
                    ? Wording.name(communes.get(0).nameFr(), communes.get(0).nameAr(), locale) : "");
        }
        model.addAttribute("history", imports.history(user));
        // The browser refuses a file over the limit before sending it (js/forms.js), with the server's own words.
        model.addAttribute("maxFileBytes", limits.maxFileSize().toBytes());
        model.addAttribute("fileTooLarge", wording.text("imports.error.file.tooLarge", locale,
                limits.maxFileSize().toMegabytes()));
        return "imports/upload";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam ImportKind kind,
                  @RequestParam(required = false) String communeCode, @AuthenticationPrincipal SignedInUser user,
                  Locale locale, Model model, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("summary", kind == ImportKind.ACTIVITIES
                ? imports.importActivities(user, communeCode, file) : imports.importIndhProjects(user, file));
            return "redirect:/imports";
        } catch (ImportRejectedException e) {
            model.addAttribute("problems", messages.of(e.errors(), locale));
        } catch (ImportRefusedException e) {
            model.addAttribute("refusal", wording.text(e.key(), locale, e.arguments()));
        } catch (OutOfScopeException e) {
            model.addAttribute("refusal", wording.text("imports.refused.outOfScope", locale, communeCode));
        }
        model.addAttribute("kind", kind);
        model.addAttribute("communeCode", communeCode == null ? "" : communeCode);
        return page(user, locale, model);
    }

    @GetMapping("/imports/templates/{kind}")
    ResponseEntity<byte[]> template(@PathVariable ImportKind kind, Locale locale) {
        return ImportController.templateFile(kind, locale);
    }

    private static boolean indhAllowed(SignedInUser user) {
        UserRole role = user.account().role();
        return role == UserRole.ADMIN || role == UserRole.PROGRAMME;
    }
}
