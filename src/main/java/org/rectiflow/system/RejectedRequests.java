package org.rectiflow.system;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before our code sees them still get an answer in words, Chinese first: those Tomcat refuses
 * (encoded slashes or NUL in the path, an oversized request line or header) and those Spring Security's firewall
 * refuses (e.g. {@code ;} or {@code //} in the path). Without this they got Tomcat's English report page or a JSON
 * "Bad Request". Never a stack trace, never the server's version.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

	static final String PAGE = """
			<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>整改通</title></head><body>
			<h1>请求无法处理（%d）</h1><p>地址或请求内容的格式不正确，已被拒绝。请返回<a href="/">首页</a>重新操作。</p>
			<p lang="en">The request could not be processed (%d): its address or content is malformed.</p></body></html>
			""";

	static String page(int status) {
		return PAGE.formatted(status, status);
	}

	/** Spring Security's firewall: 400 with our page instead of the container's. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> {
			response.setStatus(400);
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(page(400));
		};
	}

	/** Tomcat's own refusals: the host's error report valve writes our page. */
	@Bean
	TomcatServletWebServerFactory tomcatServletWebServerFactory() {
		return new TomcatServletWebServerFactory() {

			@Override
			protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
				((StandardHost) tomcat.getHost()).setErrorReportValveClass(WordsValve.class.getName());
				return super.getTomcatWebServer(tomcat);
			}

		};
	}

	/** Writes {@link #PAGE} for an error nobody else answered, exactly where Tomcat's report would go. */
	public static class WordsValve extends ErrorReportValve {

		public WordsValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0) {
				return;
			}
			try {
				response.setContentType("text/html");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(page(status));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client went away, or the response was already under way: nothing more to say.
			}
		}

	}

}
