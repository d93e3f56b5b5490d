package io.paig.db.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 that refuses connections until {@link #open()}, then forwards each
 * connection to a real database server: a database that is not up yet, then is.
 *
 * @author paig-db authors
 */
public final class DelayedPort implements AutoCloseable {

	private final int port;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new ArrayList<>();

	private ServerSocket server;

	/**
	 * Reserve a free port that refuses connections for now.
	 * @param targetHost the real server's host
	 * @param targetPort the real server's port
	 * @throws IOException when no port is free
	 */
	public DelayedPort(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
	}

	/**
	 * The port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * From now on, accept connections and forward them to the real server.
	 * @throws IOException when the port cannot be bound
	 */
	public synchronized void open() throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.server = server;
		Thread acceptor = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket target = new Socket(this.targetHost, this.targetPort);
					synchronized (this) {
						this.sockets.add(client);
						this.sockets.add(target);
					}
					pipe(client.getInputStream(), target.getOutputStream());
					pipe(target.getInputStream(), client.getOutputStream());
				}
				catch (IOException ex) {
					// closed
				}
			}
		}, "delayed-port-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private static void pipe(InputStream in, OutputStream out) {
		Thread thread = new Thread(() -> {
			try (in; out) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// either side closed
			}
		});
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void close() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
