package ma.tadafor.dashboard.imports;

import java.util.List;

import ma.tadafor.dashboard.api.InvalidParameterException;

/**
 * A request to import that names no file or no commune it can take: 400 naming the parameter in
 * the API (its detail in English, as every API refusal), and on the page the message {@code key}
 * ({@code imports.refused.*}) in the user's language.
 */
class ImportRefusedException extends InvalidParameterException {

    private final String key;
    private final List<String> arguments;

    ImportRefusedException(String parameter, String detail, String key, String... arguments) {
        super(parameter, detail);
        this.key = key;
        this.arguments = List.of(arguments);
    }

    String key() {
        return key;
    }

    Object[] arguments() {
        return arguments.toArray();
    }
}
