package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.company.CompanyView;
import dev.rapport.endorsement.SkillView;
import dev.rapport.model.Member;
import dev.rapport.model.Recommendation;
import dev.rapport.recommendation.RecommendationView;
import java.util.List;

/** The JSON of company pages (CP1), skills (E1) and recommendations (E2), as the OpenAPI document names them. */
final class ProfileRepresentations {
  private ProfileRepresentations() {}

  static ObjectNode company(CompanyView view) {
    Member page = view.page();
    ObjectNode node = Json.object();
    node.put("handle", page.handle().value());
    node.put("name", page.name());
    node.put("headline", page.headline());
    node.put("kind", Representations.wire(page.kind()));
    node.put("followerCount", view.followerCount());
    node.put("following", view.following());
    if (view.admins().isPresent()) {
      ArrayNode admins = node.putArray("admins");
      view.admins().get().forEach(admin -> admins.add(Representations.memberItem(admin)));
    } else {
      node.putNull("admins");
    }
    node.put("isAdmin", view.admin());
    node.put("createdAt", Representations.time(page.createdAt()));
    return node;
  }

  static ObjectNode skills(List<SkillView> skills) {
    ObjectNode node = Json.object();
    ArrayNode items = node.putArray("items");
    skills.forEach(skill -> items.add(skill(skill)));
    return node;
  }

  static ObjectNode skill(SkillView skill) {
    ObjectNode node = Json.object();
    node.put("name", skill.name());
    node.put("endorsementCount", skill.endorsementCount());
    node.put("endorsedByMe", skill.endorsedByMe());
    node.put("endorsedByMyConnections", skill.endorsedByMyConnections());
    ArrayNode first = node.putArray("firstEndorsers");
    skill.firstEndorsers().forEach(member -> first.add(Representations.memberItem(member)));
    return node;
  }

  static ObjectNode recommendation(RecommendationView view) {
    Recommendation r = view.recommendation();
    ObjectNode node = Json.object();
    node.put("id", Long.toString(r.id()));
    node.set("writer", Representations.memberItem(view.writer()));
    node.set("recipient", Representations.memberItem(view.recipient()));
    node.put("text", r.text());
    if (r.relationship().isPresent()) {
      node.put("relationship", r.relationship().get());
    } else {
      node.putNull("relationship");
    }
    node.put("state", Representations.wire(r.state()));
    node.put("createdAt", Representations.time(r.createdAt()));
    if (r.shownAt().isPresent()) {
      node.put("shownAt", Representations.time(r.shownAt().get()));
    } else {
      node.putNull("shownAt");
    }
    return node;
  }
}
