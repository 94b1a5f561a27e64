package dev.gatehouse.console.rest;

import java.util.List;

import dev.gatehouse.console.client.Model;
import dev.gatehouse.console.rest.view.BackgroundForm;
import dev.gatehouse.console.rest.view.Chrome;
import dev.gatehouse.console.rest.view.UserQuery;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages, checked against their parameters at build time. */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    static native TemplateInstance signIn(Chrome chrome, String identifier, boolean ended);

    static native TemplateInstance signUp(Chrome chrome);

    static native TemplateInstance forgot(Chrome chrome);

    static native TemplateInstance me(Chrome chrome, Model.User user, List<Model.SessionInfo> sessions,
            BackgroundForm software, BackgroundForm hardware);

    static native TemplateInstance companies(Chrome chrome, List<Model.Company> companies);

    static native TemplateInstance company(Chrome chrome, Model.Company company, List<Model.Member> members,
            List<Model.Approval> requests);

    static native TemplateInstance join(Chrome chrome, List<Model.Approval> requests);

    static native TemplateInstance admin(Chrome chrome, Model.Page<Model.User> users, UserQuery query);

    static native TemplateInstance problem(Chrome chrome, String heading, String message);
}
