package ma.tadafor.dashboard.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.wording.Wording;

/** French by default, Arabic on request ({@code ?lang=ar}); the choice is kept in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale ARABIC = Locale.forLanguageTag("ar");

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
            return Wording.written(super.resolveLocale(request));
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            LocaleContext context = super.resolveLocaleContext(request);
            return new SimpleTimeZoneAwareLocaleContext(Wording.written(context.getLocale()),
                    context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languages = new LocaleChangeInterceptor();
        languages.setParamName("lang");
        languages.setIgnoreInvalidLocale(true);
        // The committee brief's own lang chooses the PDF's language, not the pages'.
        registry.addInterceptor(languages).excludePathPatterns("/committees/brief");
    }
}
