package io.paig.sample.governance;

import io.paig.sample.web.Requests;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and writes an AI application's configuration over HTTP at
 * {@code /api/ai-applications/{id}/config}: {@code PUT} creates it or replaces its lists.
 *
 * @author paig-db authors
 */
@RestController
@RequestMapping("/api/ai-applications/{applicationId}/config")
class AiApplicationConfigController {

	private final AiApplicationRepository applications;

	private final AiApplicationConfigRepository configs;

	AiApplicationConfigController(AiApplicationRepository applications, AiApplicationConfigRepository configs) {
		this.applications = applications;
		this.configs = configs;
	}

	@GetMapping
	AiApplicationConfig get(@PathVariable int applicationId) {
		return this.configs.configOf(applicationId)
			.orElseThrow(() -> Requests.notFound("configuration for the AI application", applicationId));
	}

	@PutMapping
	AiApplicationConfig put(@PathVariable int applicationId, @RequestBody AiApplicationConfig changes) {
		AiApplication application = this.applications.findById(applicationId)
			.orElseThrow(() -> Requests.notFound("AI application", applicationId));
		AiApplicationConfig config = this.configs.configOf(applicationId).orElseGet(AiApplicationConfig::new);
		config.setApplication(application);
		config.setAllowedUsers(changes.getAllowedUsers());
		config.setAllowedGroups(changes.getAllowedGroups());
		config.setAllowedRoles(changes.getAllowedRoles());
		config.setDeniedUsers(changes.getDeniedUsers());
		config.setDeniedGroups(changes.getDeniedGroups());
		config.setDeniedRoles(changes.getDeniedRoles());
		config.setStatus(changes.getStatus());
		return this.configs.save(config);
	}

}
