"""A Redis cache that degrades instead of failing when Redis is away.

Django's RedisCache raises on a connection error, so every page that reads the cache
(the dashboards, the public verification page's rate limit) answered 500 while Redis
was down. Nothing the portal keeps in the cache is needed to answer a request: the
dashboard's figures are computed again from the database, and the rate limit counts
nothing for a while (the verification page then allows every request; the log says
so). Each failure is logged as a warning; the connection and read timeouts (OPTIONS
`socket_connect_timeout`, `socket_timeout`) keep the wait short.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

FOUTEN = (RedisConnectionError, RedisTimeoutError, OSError)


def _terugval(waarde):
    """Answer `waarde(args, kwargs)` when Redis is unreachable."""

    def decorator(methode):
        @functools.wraps(methode)
        def omhulsel(self, *args, **kwargs):
            try:
                return methode(self, *args, **kwargs)
            except FOUTEN as exc:
                logger.warning(
                    "Cache unavailable, %s falls back: %s", methode.__name__, exc
                )
                return waarde(args, kwargs)

        return omhulsel

    return decorator


def _standaard(args, kwargs):
    if len(args) > 1:
        return args[1]
    return kwargs.get("default")


class VeiligeRedisCache(RedisCache):
    """RedisCache whose operations log and fall back when Redis is unreachable: a read
    is a miss, a write is dropped, `incr` counts from nothing."""

    get = _terugval(_standaard)(RedisCache.get)
    add = _terugval(lambda a, kw: False)(RedisCache.add)
    set = _terugval(lambda a, kw: None)(RedisCache.set)
    touch = _terugval(lambda a, kw: False)(RedisCache.touch)
    delete = _terugval(lambda a, kw: False)(RedisCache.delete)
    get_many = _terugval(lambda a, kw: {})(RedisCache.get_many)
    has_key = _terugval(lambda a, kw: False)(RedisCache.has_key)
    incr = _terugval(lambda a, kw: a[1] if len(a) > 1 else kw.get("delta", 1))(
        RedisCache.incr
    )
    set_many = _terugval(lambda a, kw: list(a[0]) if a else [])(RedisCache.set_many)
    delete_many = _terugval(lambda a, kw: None)(RedisCache.delete_many)
    clear = _terugval(lambda a, kw: False)(RedisCache.clear)
