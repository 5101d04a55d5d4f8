package ma.tadafor.dashboard.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;

/**
 * A list in a request body bounded by {@code @Size(max)} is read no further than its bound: past
 * it, a 400 naming the list, before the rest of the body is parsed or validated. Checking the
 * size after reading made a 200,000-item agenda (well within the body's size limit) cost seconds.
 * Bean validation still checks the same {@code @Size} and the items afterwards.
 */
@Component
class BoundedLists extends SimpleModule {

    BoundedLists() {
        super("bounded-lists");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return type.getRawClass().isAssignableFrom(ArrayList.class) ? new Unbounded(type, deserializer) : deserializer;
            }
        });
    }

    /** Any list, until a property's {@code @Size} gives it a bound. */
    private static final class Unbounded extends StdDeserializer<Object> {

        private final ValueDeserializer<?> lists;

        Unbounded(JavaType type, ValueDeserializer<?> lists) {
            super(type);
            this.lists = lists;
        }

        @Override
        public void resolve(DeserializationContext context) {
            lists.resolve(context);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            ValueDeserializer<?> contextual = lists.createContextual(context, property);
            Size size = property == null ? null : property.getAnnotation(Size.class);
            if (size == null || size.max() == Integer.MAX_VALUE) {
                return contextual;
            }
            return new Bounded(getValueType(), contextual,
                    context.findContextualValueDeserializer(getValueType().getContentType(), property),
                    property.getName(), size.max(), size.message().replace("{max}", Integer.toString(size.max())));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return lists.deserialize(parser, context);
        }
    }

    private static final class Bounded extends StdDeserializer<Object> {

        private final ValueDeserializer<?> lists;
        private final ValueDeserializer<Object> items;
        private final String name;
        private final int max;
        private final String reason;

        Bounded(JavaType type, ValueDeserializer<?> lists, ValueDeserializer<Object> items, String name, int max, String reason) {
            super(type);
            this.lists = lists;
            this.items = items;
            this.name = name;
            this.max = max;
            this.reason = reason;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.isExpectedStartArrayToken()) {
                // Not a list: refused (or coerced) as Jackson does.
                return lists.deserialize(parser, context);
            }
            List<Object> list = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (list.size() == max) {
                    throw new InvalidParameterException(name, reason);
                }
                try {
                    list.add(token == JsonToken.VALUE_NULL ? items.getNullValue(context) : items.deserialize(parser, context));
                } catch (JacksonException e) {
                    throw DatabindException.wrapWithPath(context, e, new JacksonException.Reference(list, list.size()));
                }
            }
            return list;
        }
    }
}
