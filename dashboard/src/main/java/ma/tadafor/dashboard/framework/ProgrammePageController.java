package ma.tadafor.dashboard.framework;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.framework.SetupForms.BaselineForm;
import ma.tadafor.dashboard.framework.SetupForms.MemberForm;
import ma.tadafor.dashboard.framework.SetupForms.TargetForm;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.framework.FrameworkSetup;
import ma.tadafor.data.framework.ResultsFrameworkStore;

/**
 * The programme's set-up page: member communes, baselines and semester targets, one at a time or
 * from the team's workbook. Every change goes through {@link FrameworkChanges}, as the API's do; a
 * refused form comes back with the message next to the field at fault.
 */
@Controller
@RequestMapping("/programme")
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
class ProgrammePageController {

    private static final String PAGE = "programme/setup";

    private final FrameworkChanges changes;
    private final FrameworkImport imports;
    private final ProgrammeSetupView view;
    private final CommuneNames communeNames;
    private final SetupWorkbook workbook;
    private final SetupProblems problems;
    private final ResultsFrameworkStore framework;

    ProgrammePageController(FrameworkChanges changes, FrameworkImport imports, ProgrammeSetupView view,
                            CommuneNames communeNames, SetupWorkbook workbook, SetupProblems problems,
                            ResultsFrameworkStore framework) {
        this.changes = changes;
        this.imports = imports;
        this.view = view;
        this.communeNames = communeNames;
        this.workbook = workbook;
        this.problems = problems;
        this.framework = framework;
    }

    @GetMapping
    String page(@RequestParam(required = false) String scope, Model model) {
        view.fill(model, scope);
        return PAGE;
    }

    @PostMapping("/targets")
    String target(@Valid @ModelAttribute("targetForm") TargetForm form, BindingResult result,
                  @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        return attempt(result, Map.of("code", "indicator"), form.scope(), model, redirect, () -> changes.setTarget(
                form.indicator(), form.scope(), form.semester(), FrameworkChanges.number("target", form.target()), user.scope()));
    }

    @PostMapping("/baselines")
    String baseline(@Valid @ModelAttribute("baselineForm") BaselineForm form, BindingResult result, Model model,
                    RedirectAttributes redirect) {
        return attempt(result, Map.of("code", "indicator"), null, model, redirect, () -> changes.setBaseline(
                form.indicator(), FrameworkChanges.number("baseline", form.baseline())));
    }

    @PostMapping("/communes")
    String join(@Valid @ModelAttribute("memberForm") MemberForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        return attempt(result, Map.of("code", "commune"), null, model, redirect, () -> changes.join(
                communeNames.lookup().code(form.commune()), form.cohort(), form.joined()));
    }

    @PostMapping("/communes/{code}/remove")
    String leave(@PathVariable String code, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", changes.leave(code));
        return "redirect:/programme";
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template(Locale locale) {
        String name = "programme-modele-" + (Wording.arabic(locale) ? "ar" : "fr") + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook.template(framework.indicators(), locale));
    }

    @PostMapping("/import")
    String upload(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedInUser user,
                  Locale locale, Model model, RedirectAttributes redirect) {
        try {
            FrameworkSetup setup = imports.importFile(file, user.scope());
            redirect.addFlashAttribute("imported", setup);
            return "redirect:/programme";
        } catch (FrameworkImport.SetupRejectedException e) {
            model.addAttribute("problems", problems.of(e.errors(), locale));
        } catch (InvalidParameterException e) {
            model.addAttribute("noFile", true);
        }
        return page(null, model);
    }

    /**
     * Runs a change once the form is complete; a broken rule is put on the field it names
     * ({@code fields} maps the API's parameter names to the form's where they differ).
     */
    private String attempt(BindingResult result, Map<String, String> fields, String scope, Model model,
                           RedirectAttributes redirect, Runnable change) {
        if (!result.hasErrors()) {
            try {
                change.run();
                redirect.addFlashAttribute("saved", true);
                return "redirect:" + UriComponentsBuilder.fromPath("/programme").queryParamIfPresent("scope",
                        Optional.ofNullable(scope)).encode().build().toUriString();
            } catch (CommuneNames.AmbiguousCommuneException e) {
                result.rejectValue("commune", "programme.error.commune.ambiguous",
                        new Object[] {result.getFieldValue("commune"), String.join(", ", e.codes())}, e.getMessage());
            } catch (InvalidParameterException e) {
                String field = fields.getOrDefault(e.parameter(), e.parameter());
                result.rejectValue(field, "programme.error." + field, new Object[] {result.getFieldValue(field)}, e.getMessage());
            }
        }
        return page(scope, model);
    }
}
