package ma.tadafor.dashboard.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ma.tadafor.dashboard.wording.LanguageSwitch;
import ma.tadafor.dashboard.wording.Wording;

/**
 * The pages' and the API's typed queries made from the query string ({@link QueryRecords}). French
 * by default, Arabic on request ({@code ?lang=ar}); the choice is kept in a cookie, except on the
 * public pages and data (docs/PUBLIC.md), which set no cookie: there the link's {@code lang} alone
 * chooses, on errors too.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale ARABIC = Locale.forLanguageTag("ar");

    private final LanguageSwitch languageSwitch;

    WebConfiguration(LanguageSwitch languageSwitch) {
        this.languageSwitch = languageSwitch;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new WrittenLocaleResolver();
        resolver.setDefaultLocale(Locale.FRENCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Strict");
        return resolver;
    }

    /** The cookie's language, Arabic with Western digits ({@link Wording#written}). */
    private static final class WrittenLocaleResolver extends CookieLocaleResolver {

        WrittenLocaleResolver() {
            super("tadafor-lang");
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (publicRequest(request)) {
                return publicLocale(request);
            }
            return Wording.written(super.resolveLocale(request));
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            if (publicRequest(request)) {
                return new SimpleTimeZoneAwareLocaleContext(publicLocale(request), null);
            }
            LocaleContext context = super.resolveLocaleContext(request);
            return new SimpleTimeZoneAwareLocaleContext(Wording.written(context.getLocale()),
                    context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null);
        }
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new QueryRecords());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languages = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                return publicRequest(request) || super.preHandle(request, response, handler);
            }
        };
        languages.setParamName("lang");
        languages.setIgnoreInvalidLocale(true);
        // The committee brief's own lang chooses the PDF's language, not the pages'.
        registry.addInterceptor(languages).excludePathPatterns("/committees/brief");
        registry.addInterceptor(languageSwitch);
    }

    /** A request to the public pages or data, or the error page of one. */
    static boolean publicRequest(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = (failed != null ? failed.toString() : request.getRequestURI()).substring(request.getContextPath().length());
        return path.equals("/public") || path.startsWith("/public/") || path.startsWith("/api/v1/public/");
    }

    private static Locale publicLocale(HttpServletRequest request) {
        return "ar".equals(request.getParameter("lang")) ? Wording.of("ar") : Locale.FRENCH;
    }
}
