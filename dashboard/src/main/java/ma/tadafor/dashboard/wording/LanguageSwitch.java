package ma.tadafor.dashboard.wording;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The layout's link to the other language keeps the page as it is: its scope, semester and
 * filters, only {@code lang} changed. After a form's POST, or on an error page, the page's own
 * address is not the request's, so the link is the layout's plain {@code ?lang=}. Added once a page
 * is to be rendered, not before every handler: the API's and the pages' data answers have no layout.
 */
@Component
public class LanguageSwitch implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")
                || page.getViewName().startsWith("forward:") || !"GET".equals(request.getMethod())
                || request.getDispatcherType() != DispatcherType.REQUEST) {
            return;
        }
        page.addObject("otherLanguage", otherLanguage(request, RequestContextUtils.getLocale(request)));
    }

    private static String otherLanguage(HttpServletRequest request, Locale locale) {
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam("lang", Wording.arabic(locale) ? "fr" : "ar").build().toUriString();
    }
}
