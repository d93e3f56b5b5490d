package io.paig.db.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Makes a health contributor a member of the {@code readiness} group, whether that group
 * comes from Kubernetes probes or from the application's own configuration, without
 * touching liveness. Ordered after Spring Boot's probes post-processor, which creates the
 * group.
 *
 * @author paig-db authors
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class ReadinessMembership implements HealthEndpointGroupsPostProcessor {

	private final String member;

	private final boolean enabled;

	ReadinessMembership(String member, boolean enabled) {
		this.member = member;
		this.enabled = enabled;
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		HealthEndpointGroup readiness = groups.get("readiness");
		if (!this.enabled || readiness == null) {
			return groups;
		}
		Map<String, HealthEndpointGroup> additional = new LinkedHashMap<>();
		for (String name : groups.getNames()) {
			HealthEndpointGroup group = groups.get(name);
			if (group != null) {
				additional.put(name, name.equals("readiness") ? new WithMember(group, this.member) : group);
			}
		}
		return HealthEndpointGroups.of(groups.getPrimary(), additional);
	}

	private record WithMember(HealthEndpointGroup group, String member) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return this.member.equals(name) || this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.group.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.group.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}
