package org.rectiflow.engine;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.rectiflow.system.Messages;
import org.springframework.stereotype.Component;

/**
 * Keeps Object process variables to {@link AllowedVariableTypes}, in the engine, for every caller (the REST API, the
 * webapps, our own code):
 * <ul>
 * <li><b>when written</b>: the engine asks each serializer in turn whether it can take a value
 * ({@code DefaultVariableSerializers.findSerializerForValue}); this guard is asked first, about every Object value
 * and every untyped value that would become one, and refuses (400 over REST) one whose type name or content is not on
 * the list, whatever its serialization format (JSON, XML) — so an {@code objectTypeName} such as
 * {@code org.apache.commons.io.output.LockableFileWriter} is never stored for someone else's read to build;</li>
 * <li><b>when read</b>: each Object serializer (Spin's JSON and XML, Java's) is wrapped so that a stored value whose
 * type name is off the list (written before this guard, or straight into the database) is refused before Spin looks
 * its class up ({@code Class.forName} with initialisation, ahead of any validation), and a Java-serialized value is
 * never deserialized; and the engine's deserialization type validation is on with the same list, so Jackson (Spin,
 * and the REST API's multipart variable upload) refuses to build anything else inside an allowed type.</li>
 * </ul>
 */
@Component
public class VariableTypeGuardPlugin extends AbstractProcessEnginePlugin {

	private final Messages messages;

	public VariableTypeGuardPlugin(Messages messages) {
		this.messages = messages;
	}

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setDeserializationTypeValidationEnabled(true);
		configuration.setDeserializationTypeValidator(AllowedVariableTypes.validator());
		List<TypedValueSerializer> serializers = new ArrayList<>();
		serializers.add(new Guard(this.messages));
		if (configuration.getCustomPreVariableSerializers() != null) {
			serializers.addAll(configuration.getCustomPreVariableSerializers());
		}
		configuration.setCustomPreVariableSerializers(serializers);
	}

	/** After every plugin has added its serializers (Spin does in its postInit): wraps each one of Object values. */
	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		VariableSerializers serializers = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getVariableSerializers();
		for (TypedValueSerializer<?> serializer : serializers.getSerializers()) {
			if (ValueType.OBJECT.equals(serializer.getType()) && !(serializer instanceof Guard)
					&& !(serializer instanceof ReadGuard)) {
				int index = serializers.getSerializerIndex(serializer);
				serializers.removeSerializer(serializer);
				serializers.addSerializer(new ReadGuard(castObjectSerializer(serializer), this.messages), index);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static TypedValueSerializer<ObjectValue> castObjectSerializer(TypedValueSerializer<?> serializer) {
		return (TypedValueSerializer<ObjectValue>) serializer;
	}

	/**
	 * An Object serializer that reads no value of a foreign type: the type name stored with the value
	 * ({@code TEXT2_}) is checked as text before the serializer behind it resolves the class.
	 */
	static final class ReadGuard implements TypedValueSerializer<ObjectValue> {

		private final TypedValueSerializer<ObjectValue> serializer;

		private final Messages messages;

		ReadGuard(TypedValueSerializer<ObjectValue> serializer, Messages messages) {
			this.serializer = serializer;
			this.messages = messages;
		}

		@Override
		public ObjectValue readValue(ValueFields valueFields, boolean deserializeValue, boolean isTransient) {
			if (deserializeValue && (SerializationDataFormats.JAVA.getName().equals(getSerializationDataformat())
					|| !AllowedVariableTypes.allows(valueFields.getTextValue2()))) {
				String typeName = String.valueOf(valueFields.getTextValue2());
				throw new NotValidException(this.messages.get("error.variable.type",
						(typeName.length() > 200) ? typeName.substring(0, 200) + "…" : typeName));
			}
			return this.serializer.readValue(valueFields, deserializeValue, isTransient);
		}

		@Override
		public String getName() {
			return this.serializer.getName();
		}

		@Override
		public ValueType getType() {
			return this.serializer.getType();
		}

		@Override
		public void writeValue(ObjectValue value, ValueFields valueFields) {
			this.serializer.writeValue(value, valueFields);
		}

		@Override
		public boolean canHandle(TypedValue value) {
			return this.serializer.canHandle(value);
		}

		@Override
		public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
			return this.serializer.convertToTypedValue(untypedValue);
		}

		@Override
		public String getSerializationDataformat() {
			return this.serializer.getSerializationDataformat();
		}

		@Override
		public boolean isMutableValue(ObjectValue typedValue) {
			return this.serializer.isMutableValue(typedValue);
		}

	}

	/**
	 * Asked first about every Object value; never takes one (so the JSON or XML serializer behind it does), but
	 * refuses a foreign type outright.
	 */
	static final class Guard implements TypedValueSerializer<ObjectValue> {

		private final Messages messages;

		Guard(Messages messages) {
			this.messages = messages;
		}

		@Override
		public boolean canHandle(TypedValue value) {
			if (value instanceof ObjectValue object) {
				if (object.isDeserialized() ? !AllowedVariableTypes.allowsValue(object.getValue())
						: object.getObjectTypeName() != null && !AllowedVariableTypes.allows(object.getObjectTypeName())) {
					throw refusal(object.isDeserialized() ? object.getValue().getClass().getName() : object.getObjectTypeName());
				}
			}
			else if (value instanceof UntypedValueImpl untyped && becomesAnObject(untyped.getValue())
					&& !AllowedVariableTypes.allowsValue(untyped.getValue())) {
				throw refusal(untyped.getValue().getClass().getName());
			}
			return false;
		}

		/** Whether the engine would store this plain Java value as an Object variable (no primitive type takes it). */
		private static boolean becomesAnObject(Object value) {
			return !(value == null || value instanceof String || value instanceof Boolean || value instanceof Short
					|| value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Date
					|| value instanceof byte[] || value instanceof InputStream || value instanceof Spin<?>);
		}

		private NotValidException refusal(String typeName) {
			String shown = (typeName.length() > 200) ? typeName.substring(0, 200) + "…" : typeName;
			return new NotValidException(this.messages.get("error.variable.type", shown));
		}

		@Override
		public String getName() {
			return "rectiflow-object-type-guard";
		}

		@Override
		public ValueType getType() {
			return ValueType.OBJECT;
		}

		@Override
		public void writeValue(ObjectValue value, ValueFields valueFields) {
			throw new UnsupportedOperationException("the guard never stores a value");
		}

		@Override
		public ObjectValue readValue(ValueFields valueFields, boolean deserializeValue, boolean isTransient) {
			throw new UnsupportedOperationException("the guard never stores a value");
		}

		@Override
		public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
			throw new UnsupportedOperationException("the guard never stores a value");
		}

		@Override
		public String getSerializationDataformat() {
			return null;
		}

		@Override
		public boolean isMutableValue(ObjectValue typedValue) {
			return false;
		}

	}

}
