# syntax=docker/dockerfile:1
# Multi-stage build: `docker compose up` works from a clean clone (no jar needs to be built first).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# dependencies first, so a source change does not download them again
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY db db
COPY geodata geodata
COPY frontend frontend
RUN ./mvnw -B -ntp -q -Dmaven.test.skip=true package && cp target/frontline-*.jar /src/frontline.jar

FROM eclipse-temurin:17-jre
# an unprivileged user owns only the data directory
RUN groupadd --system --gid 10001 frontline \
 && useradd --system --uid 10001 --gid frontline --home-dir /app --shell /usr/sbin/nologin frontline \
 && mkdir -p /app/data && chown frontline:frontline /app/data
WORKDIR /app
COPY --from=build /src/frontline.jar /app/frontline.jar
USER frontline
EXPOSE 8080
VOLUME ["/app/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=4 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /login HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 \
      && head -c 12 <&3 | grep -q " 200"'
# a JVM that ran out of memory exits (and the restart policy starts it again) instead of hanging with a dead
# Tomcat poller thread that accepts connections and never answers
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=75", "-jar", "/app/frontline.jar"]
