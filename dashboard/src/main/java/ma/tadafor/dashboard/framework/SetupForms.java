package ma.tadafor.dashboard.framework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The set-up page's forms. Bean Validation only says what is missing; the rules themselves are
 * {@link FrameworkChanges}', the API's. Numbers and dates stay text so that a mistyped one comes
 * back with the page's own message rather than a binding error.
 */
final class SetupForms {

    static final String REQUIRED = "{programme.error.required}";
    private static final int SHORT = 200;

    private SetupForms() {
    }

    record TargetForm(@NotBlank(message = REQUIRED) @Size(max = SHORT) String indicator,
                      @NotBlank(message = REQUIRED) @Size(max = SHORT) String scope,
                      @NotBlank(message = REQUIRED) @Size(max = SHORT) String semester,
                      @NotBlank(message = REQUIRED) @Size(max = SHORT) String target) {

        static TargetForm empty(String scope) {
            return new TargetForm("", scope, "", "");
        }
    }

    record BaselineForm(@NotBlank(message = REQUIRED) @Size(max = SHORT) String indicator,
                        @NotBlank(message = REQUIRED) @Size(max = SHORT) String baseline) {

        static BaselineForm empty() {
            return new BaselineForm("", "");
        }
    }

    record MemberForm(@NotBlank(message = REQUIRED) @Size(max = SHORT) String commune,
                      @NotBlank(message = REQUIRED) @Size(max = SHORT) String cohort,
                      @NotBlank(message = REQUIRED) @Size(max = SHORT) String joined) {

        static MemberForm empty() {
            return new MemberForm("", "pilot", "");
        }
    }
}
