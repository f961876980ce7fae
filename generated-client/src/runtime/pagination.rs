//! Cursor pagination for HubSpot's list operations: fetch a page, follow `paging.next.after`,
//! stop after the last page. Pages are fetched lazily, one at a time, so memory does not grow
//! with the number of items. The streams own what they need (the builder holds its own client),
//! so they are `Send + 'static` and can move into `tokio::spawn`.

use std::future::Future;

use futures::stream::{self, Stream, TryStreamExt};

use super::Error;

enum State<B> {
    Next(B, Option<String>),
    Done,
}

/// Every page, starting from `builder`: `fetch(builder, cursor)` loads one page (`None`: the
/// builder's own cursor), `next_cursor` reads the cursor of the page after it.
pub fn pages<B, P, F, Fut>(
    builder: B,
    mut fetch: F,
    next_cursor: fn(&P) -> Option<String>,
) -> impl Stream<Item = Result<P, Error>> + Send + Unpin + 'static
where
    B: Clone + Send + 'static,
    P: Send + 'static,
    F: FnMut(B, Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, Error>> + Send + 'static,
{
    stream::try_unfold(State::Next(builder, None), move |state| {
        let request = match state {
            State::Next(builder, cursor) => {
                Some((builder.clone(), cursor.clone(), fetch(builder, cursor)))
            }
            State::Done => None,
        };
        // Boxed so the stream is `Unpin`: callers can `.next().await` without pinning it.
        Box::pin(async move {
            let Some((builder, cursor, page)) = request else {
                return Ok(None);
            };
            let page = page.await?;
            // An empty or repeated cursor would loop forever: treat it as the last page.
            let state = match next_cursor(&page) {
                Some(next) if !next.is_empty() && Some(&next) != cursor.as_ref() => {
                    State::Next(builder, Some(next))
                }
                _ => State::Done,
            };
            Ok(Some((page, state)))
        })
    })
}

/// Every item of every page, in order.
pub fn items<P, T>(
    pages: impl Stream<Item = Result<P, Error>> + Send + Unpin + 'static,
    results: fn(P) -> Vec<T>,
) -> impl Stream<Item = Result<T, Error>> + Send + Unpin + 'static
where
    P: Send + 'static,
    T: Send + 'static,
{
    pages
        .map_ok(move |page| stream::iter(results(page).into_iter().map(Ok)))
        .try_flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::StreamExt;

    #[derive(Clone)]
    struct Builder;

    struct Page {
        items: Vec<u32>,
        next: Option<String>,
    }

    async fn fetch(_: Builder, cursor: Option<String>) -> Result<Page, Error> {
        let n: u32 = cursor.as_deref().map_or(0, |c| c.parse().unwrap());
        Ok(Page {
            items: vec![n * 10, n * 10 + 1],
            next: (n < 2).then(|| (n + 1).to_string()),
        })
    }

    #[tokio::test]
    async fn follows_cursors_until_the_last_page() {
        let all: Vec<u32> = items(pages(Builder, fetch, |p: &Page| p.next.clone()), |p| {
            p.items
        })
        .try_collect()
        .await
        .unwrap();
        assert_eq!(all, [0, 1, 10, 11, 20, 21]);
    }

    #[tokio::test]
    async fn a_repeated_cursor_ends_the_stream() {
        let stuck = |_: Builder, _: Option<String>| async {
            Ok(Page {
                items: vec![1],
                next: Some("same".into()),
            })
        };
        let count = pages(Builder, stuck, |p: &Page| p.next.clone())
            .count()
            .await;
        assert_eq!(count, 2);
    }
}
