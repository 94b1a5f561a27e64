package dev.gatehouse.approval.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The part of company-service's company this service needs. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanyView(String companyId, String name, String status) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
