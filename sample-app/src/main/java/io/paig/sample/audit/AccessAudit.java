package io.paig.sample.audit;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One access audit written by PAIG's shield, table {@code access_audits}: plain, JSON
 * ({@code context}, {@code masked_traits}, {@code messages}, {@code paig_policy_ids},
 * {@code traits}) and double ({@code event_time}) columns, with no status or
 * create/update times. The JSON columns are declared {@code json} on every database:
 * PostgreSQL's {@code json} (not {@code jsonb}), MariaDB's alias for {@code longtext},
 * SQLite's {@code JSON}.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "access_audits",
		indexes = { @Index(name = "ix_access_audits_app_name", columnList = "app_name"),
				@Index(name = "ix_access_audits_id", columnList = "id"),
				@Index(name = "ix_access_audits_request_type", columnList = "request_type"),
				@Index(name = "ix_access_audits_result", columnList = "result"),
				@Index(name = "ix_access_audits_thread_id", columnList = "thread_id"),
				@Index(name = "ix_access_audits_user_id", columnList = "user_id") })
public class AccessAudit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@JsonProperty(access = Access.READ_ONLY)
	private Integer id;

	@Column(name = "app_key", length = 255)
	private String appKey;

	@Column(name = "app_name", length = 255)
	private String appName;

	@Column(name = "client_app_key", length = 255)
	private String clientAppKey;

	@Column(name = "client_app_name", length = 255)
	private String clientAppName;

	@Column(name = "client_host_name", length = 255)
	private String clientHostName;

	@Column(name = "client_ip", length = 255)
	private String clientIp;

	@Column(name = "context", columnDefinition = "json")
	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> context;

	@Column(name = "event_id", length = 255)
	private String eventId;

	@Column(name = "event_time")
	private Double eventTime;

	@Column(name = "masked_traits", columnDefinition = "json")
	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> maskedTraits;

	@Column(name = "messages", columnDefinition = "json")
	@JdbcTypeCode(SqlTypes.JSON)
	private List<Map<String, Object>> messages;

	@Column(name = "no_of_tokens")
	private Integer noOfTokens;

	@Column(name = "paig_policy_ids", columnDefinition = "json")
	@JdbcTypeCode(SqlTypes.JSON)
	private List<Integer> paigPolicyIds;

	@Column(name = "request_id", length = 255)
	private String requestId;

	@Column(name = "request_type", length = 255)
	private String requestType;

	@Column(name = "result", length = 255)
	private String result;

	@Column(name = "tenant_id", length = 255)
	private String tenantId;

	@Column(name = "thread_id", length = 255)
	private String threadId;

	@Column(name = "thread_sequence_number")
	private Integer threadSequenceNumber;

	@Column(name = "traits", columnDefinition = "json")
	@JdbcTypeCode(SqlTypes.JSON)
	private List<String> traits;

	@Column(name = "user_id", length = 255)
	private String userId;

	@Column(name = "encryption_key_id")
	private Integer encryptionKeyId;

	@Column(name = "log_time")
	private Integer logTime;

	@Column(name = "transaction_sequence_number")
	private Integer transactionSequenceNumber;

	/**
	 * The identifier given by the database.
	 * @return the id, {@code null} before the row is inserted
	 */
	public Integer getId() {
		return this.id;
	}

	/**
	 * The key of the AI application that was asked.
	 * @return the value, or {@code null}
	 */
	public String getAppKey() {
		return this.appKey;
	}

	/**
	 * Set the key of the AI application that was asked.
	 * @param appKey the value
	 */
	public void setAppKey(String appKey) {
		this.appKey = appKey;
	}

	/**
	 * The name of the AI application that was asked.
	 * @return the value, or {@code null}
	 */
	public String getAppName() {
		return this.appName;
	}

	/**
	 * Set the name of the AI application that was asked.
	 * @param appName the value
	 */
	public void setAppName(String appName) {
		this.appName = appName;
	}

	/**
	 * The key of the client application.
	 * @return the value, or {@code null}
	 */
	public String getClientAppKey() {
		return this.clientAppKey;
	}

	/**
	 * Set the key of the client application.
	 * @param clientAppKey the value
	 */
	public void setClientAppKey(String clientAppKey) {
		this.clientAppKey = clientAppKey;
	}

	/**
	 * The name of the client application.
	 * @return the value, or {@code null}
	 */
	public String getClientAppName() {
		return this.clientAppName;
	}

	/**
	 * Set the name of the client application.
	 * @param clientAppName the value
	 */
	public void setClientAppName(String clientAppName) {
		this.clientAppName = clientAppName;
	}

	/**
	 * The host the request came from.
	 * @return the value, or {@code null}
	 */
	public String getClientHostName() {
		return this.clientHostName;
	}

	/**
	 * Set the host the request came from.
	 * @param clientHostName the value
	 */
	public void setClientHostName(String clientHostName) {
		this.clientHostName = clientHostName;
	}

	/**
	 * The address the request came from.
	 * @return the value, or {@code null}
	 */
	public String getClientIp() {
		return this.clientIp;
	}

	/**
	 * Set the address the request came from.
	 * @param clientIp the value
	 */
	public void setClientIp(String clientIp) {
		this.clientIp = clientIp;
	}

	/**
	 * What the shield knew about the request (a JSON object).
	 * @return the value, or {@code null}
	 */
	public Map<String, Object> getContext() {
		return this.context;
	}

	/**
	 * Set what the shield knew about the request (a JSON object).
	 * @param context the value
	 */
	public void setContext(Map<String, Object> context) {
		this.context = context;
	}

	/**
	 * The event's id.
	 * @return the value, or {@code null}
	 */
	public String getEventId() {
		return this.eventId;
	}

	/**
	 * Set the event's id.
	 * @param eventId the value
	 */
	public void setEventId(String eventId) {
		this.eventId = eventId;
	}

	/**
	 * When the event happened, in seconds since the epoch.
	 * @return the value, or {@code null}
	 */
	public Double getEventTime() {
		return this.eventTime;
	}

	/**
	 * Set when the event happened, in seconds since the epoch.
	 * @param eventTime the value
	 */
	public void setEventTime(Double eventTime) {
		this.eventTime = eventTime;
	}

	/**
	 * The masked values by trait (a JSON object).
	 * @return the value, or {@code null}
	 */
	public Map<String, Object> getMaskedTraits() {
		return this.maskedTraits;
	}

	/**
	 * Set the masked values by trait (a JSON object).
	 * @param maskedTraits the value
	 */
	public void setMaskedTraits(Map<String, Object> maskedTraits) {
		this.maskedTraits = maskedTraits;
	}

	/**
	 * The messages, encrypted as PAIG keeps them (a JSON array).
	 * @return the value, or {@code null}
	 */
	public List<Map<String, Object>> getMessages() {
		return this.messages;
	}

	/**
	 * Set the messages, encrypted as PAIG keeps them (a JSON array).
	 * @param messages the value
	 */
	public void setMessages(List<Map<String, Object>> messages) {
		this.messages = messages;
	}

	/**
	 * How many tokens the messages have.
	 * @return the value, or {@code null}
	 */
	public Integer getNoOfTokens() {
		return this.noOfTokens;
	}

	/**
	 * Set how many tokens the messages have.
	 * @param noOfTokens the value
	 */
	public void setNoOfTokens(Integer noOfTokens) {
		this.noOfTokens = noOfTokens;
	}

	/**
	 * The ids of the policies that applied (a JSON array).
	 * @return the value, or {@code null}
	 */
	public List<Integer> getPaigPolicyIds() {
		return this.paigPolicyIds;
	}

	/**
	 * Set the ids of the policies that applied (a JSON array).
	 * @param paigPolicyIds the value
	 */
	public void setPaigPolicyIds(List<Integer> paigPolicyIds) {
		this.paigPolicyIds = paigPolicyIds;
	}

	/**
	 * The request's id.
	 * @return the value, or {@code null}
	 */
	public String getRequestId() {
		return this.requestId;
	}

	/**
	 * Set the request's id.
	 * @param requestId the value
	 */
	public void setRequestId(String requestId) {
		this.requestId = requestId;
	}

	/**
	 * The kind of request, such as {@code prompt} or {@code reply}.
	 * @return the value, or {@code null}
	 */
	public String getRequestType() {
		return this.requestType;
	}

	/**
	 * Set the kind of request, such as {@code prompt} or {@code reply}.
	 * @param requestType the value
	 */
	public void setRequestType(String requestType) {
		this.requestType = requestType;
	}

	/**
	 * What the shield did: {@code allowed}, {@code denied} or {@code masked}.
	 * @return the value, or {@code null}
	 */
	public String getResult() {
		return this.result;
	}

	/**
	 * Set what the shield did: {@code allowed}, {@code denied} or {@code masked}.
	 * @param result the value
	 */
	public void setResult(String result) {
		this.result = result;
	}

	/**
	 * The tenant.
	 * @return the value, or {@code null}
	 */
	public String getTenantId() {
		return this.tenantId;
	}

	/**
	 * Set the tenant.
	 * @param tenantId the value
	 */
	public void setTenantId(String tenantId) {
		this.tenantId = tenantId;
	}

	/**
	 * The conversation thread.
	 * @return the value, or {@code null}
	 */
	public String getThreadId() {
		return this.threadId;
	}

	/**
	 * Set the conversation thread.
	 * @param threadId the value
	 */
	public void setThreadId(String threadId) {
		this.threadId = threadId;
	}

	/**
	 * The position in the thread.
	 * @return the value, or {@code null}
	 */
	public Integer getThreadSequenceNumber() {
		return this.threadSequenceNumber;
	}

	/**
	 * Set the position in the thread.
	 * @param threadSequenceNumber the value
	 */
	public void setThreadSequenceNumber(Integer threadSequenceNumber) {
		this.threadSequenceNumber = threadSequenceNumber;
	}

	/**
	 * The traits found, such as tag names (a JSON array).
	 * @return the value, or {@code null}
	 */
	public List<String> getTraits() {
		return this.traits;
	}

	/**
	 * Set the traits found, such as tag names (a JSON array).
	 * @param traits the value
	 */
	public void setTraits(List<String> traits) {
		this.traits = traits;
	}

	/**
	 * The user who asked, by name.
	 * @return the value, or {@code null}
	 */
	public String getUserId() {
		return this.userId;
	}

	/**
	 * Set the user who asked, by name.
	 * @param userId the value
	 */
	public void setUserId(String userId) {
		this.userId = userId;
	}

	/**
	 * The id of the key the messages are encrypted with.
	 * @return the value, or {@code null}
	 */
	public Integer getEncryptionKeyId() {
		return this.encryptionKeyId;
	}

	/**
	 * Set the id of the key the messages are encrypted with.
	 * @param encryptionKeyId the value
	 */
	public void setEncryptionKeyId(Integer encryptionKeyId) {
		this.encryptionKeyId = encryptionKeyId;
	}

	/**
	 * When the audit was logged.
	 * @return the value, or {@code null}
	 */
	public Integer getLogTime() {
		return this.logTime;
	}

	/**
	 * Set when the audit was logged.
	 * @param logTime the value
	 */
	public void setLogTime(Integer logTime) {
		this.logTime = logTime;
	}

	/**
	 * The position in the transaction.
	 * @return the value, or {@code null}
	 */
	public Integer getTransactionSequenceNumber() {
		return this.transactionSequenceNumber;
	}

	/**
	 * Set the position in the transaction.
	 * @param transactionSequenceNumber the value
	 */
	public void setTransactionSequenceNumber(Integer transactionSequenceNumber) {
		this.transactionSequenceNumber = transactionSequenceNumber;
	}

}
