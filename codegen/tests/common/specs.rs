//! Inline specs that both the resolve and the emit tests read: HubSpot's actor unions, the
//! naming obstacle course, a set of operations, security schemes of every kind, and a spec that
//! uses types from requests, responses or both.

/// HubSpot's actor pattern: a `oneOf` union whose variants include it through `allOf`.
pub const ACTORS: &str = r##"
components:
  schemas:
    Actor:
      oneOf:
        - $ref: '#/components/schemas/AgentActor'
        - $ref: '#/components/schemas/BotActor'
    AgentActor:
      allOf:
        - $ref: '#/components/schemas/Actor'
        - type: object
          required: [id, type]
          properties:
            id:
              type: string
            type:
              type: string
              enum: [AGENT]
    BotActor:
      allOf:
        - $ref: '#/components/schemas/Actor'
        - type: object
          required: [id, type]
          properties:
            id:
              type: string
            name:
              type: string
            type:
              type: string
              enum: [BOT]
"##;

/// A union whose variants carry their single-value `type` directly (no `allOf`); specs append
/// schemas that use a variant on its own.
pub const DIRECT_ACTORS: &str = r##"
components:
  schemas:
    Actor:
      oneOf:
        - $ref: '#/components/schemas/AgentActor'
        - $ref: '#/components/schemas/BotActor'
    AgentActor:
      type: object
      required: [id, type]
      properties:
        id:
          type: string
        type:
          type: string
          enum: [AGENT]
    BotActor:
      type: object
      required: [type]
      properties:
        type:
          type: string
          enum: [BOT]
"##;

/// The naming obstacle course: keywords, `Self`, leading digits, names that collide after
/// casing, empty names, and schemas named like prelude types.
pub const OBSTACLES: &str = r##"
components:
  schemas:
    Obstacles:
      type: object
      required: [type]
      properties:
        type:
          type: string
        self:
          type: string
        ref:
          type: string
        fooBar:
          type: string
        foo_bar:
          type: string
        Self:
          type: boolean
        2d:
          type: integer
        x-request-id:
          type: string
        '':
          type: string
        crate:
          $ref: '#/components/schemas/Self'
        result:
          $ref: '#/components/schemas/Result'
    Self:
      type: object
      properties:
        option:
          $ref: '#/components/schemas/Option'
    Result:
      type: object
      properties:
        ok:
          type: boolean
    Option:
      type: string
      enum: [some, none]
    '1st-place':
      type: string
    String:
      type: object
      properties:
        vec:
          $ref: '#/components/schemas/Vec'
    Vec:
      type: array
      items:
        $ref: '#/components/schemas/String'
"##;

/// Operations with and without `operationId`, path- and operation-level parameters (one
/// overridden, one a `$ref` of a `$ref`), several success statuses, a `default` error and a
/// `+json` request body.
pub const OPERATIONS: &str = r##"
paths:
  /inboxes/{inboxId}/threads/{threadId}:
    parameters:
      - name: threadId
        in: path
        required: true
        schema:
          type: integer
      - name: limit
        in: query
        description: path-level limit
        schema:
          type: integer
          format: int32
      - $ref: '#/components/parameters/Trace'
    get:
      operationId: getThread
      parameters:
        - name: X-Request-Id
          in: header
          schema:
            type: string
        - name: archived
          in: query
          schema:
            type: boolean
        - name: inboxId
          in: path
          required: true
          schema:
            type: string
        - name: limit
          in: query
          required: true
          description: operation-level limit
          schema:
            type: integer
            format: int64
        - name: after
          in: query
          schema:
            type: string
            format: date-time
      responses:
        '207':
          description: partial
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Multi'
        '200':
          description: ok
          content:
            application/json; charset=utf-8:
              schema:
                $ref: '#/components/schemas/Thread'
        '204':
          description: nothing
        default:
          description: error
          content:
            '*/*':
              schema:
                $ref: '#/components/schemas/Error'
    delete:
      parameters:
        - name: inboxId
          in: path
          required: true
          schema:
            type: string
      responses:
        '204':
          description: gone
  /things:
    post:
      requestBody:
        required: true
        content:
          application/vnd.api+json:
            schema:
              type: object
              properties:
                name:
                  type: string
      responses:
        2XX:
          description: any success
          content:
            application/json:
              schema:
                type: array
                items:
                  type: string
components:
  parameters:
    Trace:
      $ref: '#/components/parameters/TraceHeader'
    TraceHeader:
      name: X-Trace
      in: header
      required: true
      schema:
        type: string
  schemas:
    Thread:
      type: object
      properties:
        id:
          type: string
    Multi:
      type: object
      properties:
        parts:
          type: array
          items:
            $ref: '#/components/schemas/Thread'
    Error:
      type: object
      properties:
        message:
          type: string
"##;

/// Schemes of every kind the runtime can send, plus two it cannot.
pub const SCHEMES: &str = r##"
components:
  securitySchemes:
    private_apps:
      type: http
      scheme: bearer
    oauth2:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://example.com/token
          scopes:
            read: Read.
            write: Write.
    oidc:
      type: openIdConnect
      openIdConnectUrl: https://example.com/.well-known/openid-configuration
    login:
      type: http
      scheme: Basic
    developer_hapikey:
      type: apiKey
      in: query
      name: hapikey
    api-key:
      type: apiKey
      in: header
      name: X-Api-Key
    session:
      type: apiKey
      in: cookie
      name: sid
    aliased:
      $ref: '#/components/securitySchemes/session'
    digest:
      type: http
      scheme: digest
    bad_header:
      type: apiKey
      in: header
      name: 'X Api Key'
"##;

/// One operation `GET /<id>` with `security` (YAML, indented for the operation), or none.
pub fn operation(id: &str, security: Option<&str>) -> String {
    let security = security.map_or(String::new(), |s| format!("      security:\n{s}"));
    format!(
        "  /{id}:\n    get:\n      operationId: {id}\n{security}      responses:\n        '204':\n          description: ok\n"
    )
}

/// A paged list of threads: through a list, a map, a tagged union whose variants include the
/// union through `allOf`, an `allOf` parent and a recursive type; plus an update sent and
/// answered, a query parameter and an error body.
pub const USAGE: &str = r##"paths:
  /threads:
    get:
      operationId: listThreads
      parameters:
        - name: status
          in: query
          schema:
            $ref: '#/components/schemas/Status'
      responses:
        '200':
          description: A page.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ThreadPage'
        default:
          description: An error.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Problem'
  /threads/{id}:
    patch:
      operationId: updateThread
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/ThreadUpdate'
      responses:
        '200':
          description: The update as applied.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ThreadUpdate'
components:
  schemas:
    ThreadPage:
      type: object
      required: [results]
      properties:
        results:
          type: array
          items:
            $ref: '#/components/schemas/Thread'
    Thread:
      allOf:
        - $ref: '#/components/schemas/Record'
        - type: object
          required: [status, actor]
          properties:
            status:
              $ref: '#/components/schemas/Status'
            actor:
              $ref: '#/components/schemas/Actor'
            labels:
              type: object
              additionalProperties:
                $ref: '#/components/schemas/Label'
            root:
              $ref: '#/components/schemas/Node'
    Record:
      type: object
      required: [id]
      properties:
        id:
          type: string
        audit:
          $ref: '#/components/schemas/Audit'
    Audit:
      type: object
      properties:
        by:
          type: string
    Label:
      type: object
      properties:
        color:
          type: string
    Node:
      type: object
      required: [name, next]
      properties:
        name:
          type: string
        next:
          $ref: '#/components/schemas/Node'
        children:
          type: array
          items:
            $ref: '#/components/schemas/Node'
    Actor:
      oneOf:
        - $ref: '#/components/schemas/AgentActor'
        - $ref: '#/components/schemas/BotActor'
    AgentActor:
      allOf:
        - $ref: '#/components/schemas/Actor'
        - type: object
          required: [id, type]
          properties:
            id:
              type: string
            type:
              type: string
              enum: [AGENT]
    BotActor:
      allOf:
        - $ref: '#/components/schemas/Actor'
        - type: object
          required: [type]
          properties:
            name:
              type: string
            type:
              type: string
              enum: [BOT]
    Status:
      type: string
      enum: [OPEN, CLOSED]
    ThreadUpdate:
      allOf:
        - $ref: '#/components/schemas/Change'
        - type: object
          properties:
            status:
              $ref: '#/components/schemas/Status'
    Change:
      type: object
      properties:
        reason:
          type: string
        author:
          $ref: '#/components/schemas/Author'
    Author:
      type: object
      properties:
        name:
          type: string
    Problem:
      type: object
      required: [message]
      properties:
        message:
          type: string
    Unused:
      type: object
      properties:
        note:
          type: string
"##;
