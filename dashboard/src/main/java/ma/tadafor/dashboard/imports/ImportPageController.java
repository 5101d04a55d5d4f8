package ma.tadafor.dashboard.imports;

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

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.ingestion.upload.ImportKind;
import ma.tadafor.ingestion.upload.ImportRejectedException;

/** The upload page: a commune focal point sends their commune's activity file; programme staff also INDH lists. */
@Controller
class ImportPageController {

    private final Imports imports;
    private final ImportErrorMessages messages;

    ImportPageController(Imports imports, ImportErrorMessages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/imports")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("indhAllowed", indhAllowed(user));
        model.addAttribute("communeCode", user.scope().communes().size() == 1 ? user.scope().communes().iterator().next() : "");
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
        } catch (InvalidParameterException | OutOfScopeException e) {
            model.addAttribute("refusal", e.getMessage());
        }
        model.addAttribute("kind", kind);
        return page(user, model);
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
