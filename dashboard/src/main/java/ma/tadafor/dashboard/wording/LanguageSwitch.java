package ma.tadafor.dashboard.wording;

import java.util.Locale;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The layout's link to the other language keeps the page as it is: its scope, semester and
 * filters, only {@code lang} changed. After a form's POST, or on an error page, the page's own
 * address is not the request's, so the link is the layout's plain {@code ?lang=}.
 */
@ControllerAdvice
class LanguageSwitch {

    @ModelAttribute("otherLanguage")
    String otherLanguage(HttpServletRequest request, Locale locale) {
        if (!"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST) {
            return null;
        }
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam("lang", Wording.arabic(locale) ? "fr" : "ar").build().toUriString();
    }
}
