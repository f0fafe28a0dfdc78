# Build the jar first: ./mvnw -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/frontline-*.jar /app/frontline.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/frontline.jar"]
