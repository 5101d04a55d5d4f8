package ma.tadafor.dashboard.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The typed queries of the pages and the API ({@code PageQuery}, {@code ParticipationParameters}:
 * records of strings named as the query string's parameters, given to a handler without annotation)
 * made by their canonical constructor, each component the parameter of its name (several values
 * joined by commas, as Spring's binder joined them; null when absent). Spring's binder made them
 * through constructor binding that also looks each name up among the headers and path variables and
 * converts every value: a tenth of the CPU of a cached answer (docs/BENCHMARKS.md). Checking the values
 * stays with each query's parser; records with other components, or annotated, are Spring's as before.
 */
final class QueryRecords implements HandlerMethodArgumentResolver {

    /** How a record of strings is made from the query string; null for any other type. */
    private static final ClassValue<Binding> BINDINGS = new ClassValue<>() {
        @Override
        protected Binding computeValue(Class<?> type) {
            return Binding.of(type);
        }
    };

    private record Binding(Constructor<?> constructor, String[] names) {

        static Binding of(Class<?> type) {
            if (!type.isRecord() || !type.getName().startsWith("ma.tadafor.")) {
                return null;
            }
            RecordComponent[] components = type.getRecordComponents();
            if (!Arrays.stream(components).allMatch(component -> component.getType() == String.class)) {
                return null;
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                return new Binding(constructor, Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return !hasSpringAnnotation(parameter) && BINDINGS.get(parameter.getParameterType()) != null;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) throws InvocationTargetException, InstantiationException, IllegalAccessException {
        Binding binding = BINDINGS.get(parameter.getParameterType());
        Object[] values = new Object[binding.names().length];
        for (int i = 0; i < values.length; i++) {
            String[] given = request.getParameterValues(binding.names()[i]);
            values[i] = given == null ? null : String.join(",", given);
        }
        return binding.constructor().newInstance(values);
    }

    /** A form ({@code @ModelAttribute}, {@code @Valid}) or a body stays with Spring's resolvers. */
    private static boolean hasSpringAnnotation(MethodParameter parameter) {
        return Arrays.stream(parameter.getParameterAnnotations()).anyMatch(annotation -> {
            String name = annotation.annotationType().getName();
            return name.startsWith("org.springframework.") || name.startsWith("jakarta.validation.");
        });
    }
}
