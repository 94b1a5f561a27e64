package dev.gatehouse.approval.rest.dto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.gatehouse.approval.CompanyRole;

/** A role a join request can lead to: anything but OWNER, which only company-service itself hands out. */
@Documented
@Constraint(validatedBy = GrantableRole.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface GrantableRole {

    String message() default "must be ADMIN or STAFF";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<GrantableRole, CompanyRole> {

        @Override
        public boolean isValid(CompanyRole value, ConstraintValidatorContext context) {
            return value == null || value.grantable();
        }
    }
}
