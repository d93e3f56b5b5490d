package io.paig.sample;

import java.util.List;

/**
 * The sample's history: PAIG's 19 Alembic revisions with PAIG's ids, in one line.
 *
 * @author paig-db authors
 */
public final class SampleRevisions {

	/** The revision ids, oldest first. */
	public static final List<String> IDS = List.of("d016d5e1fe5a", "a7d20ed3c5b4", "1fced03debf8", "1b4de1560f7a",
			"99a43bcdbea1", "9249428e19b0", "5e805b526efa", "a95b604c47fb", "701ddf55a1b4", "db6e7b60cb0a",
			"67a256363095", "f32841395145", "dd5bdf787fa1", "2d992e5994c8", "3e84bb67bced", "f36705415cd9",
			"a9c87d84b974", "ea2679878e00", "1900f97ae685");

	/** The first revision, {@code Initial migrations}. */
	public static final String BASE = "d016d5e1fe5a";

	/** The newest revision, {@code Added config_history_id colun in eval model}. */
	public static final String HEAD = "1900f97ae685";

	private SampleRevisions() {
	}

}
