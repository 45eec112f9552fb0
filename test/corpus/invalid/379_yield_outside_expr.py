x = yield yield
