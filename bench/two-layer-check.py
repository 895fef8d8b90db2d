"""The book's gradient check of its two-layer net (784 -> 50 -> 10, a batch of 3) in NumPy,
as the book writes it: numerical_gradient moves each element of W1, b1, W2 and b2 by +-1e-4
and runs the whole loss again, then backprop's gradients are compared, mean |difference|
per parameter. `npm run bench` times it beside `backprop -f examples/two-layer-net.bp --check`."""
import numpy as np

rng = np.random.default_rng(1)
params = {
    'W1': 0.01 * rng.standard_normal((784, 50)), 'b1': np.zeros(50),
    'W2': 0.01 * rng.standard_normal((50, 10)), 'b2': np.zeros(10),
}
x = rng.random((3, 784))
t = np.array([2, 5, 7])


def softmax(a):
    a = a - a.max(axis=1, keepdims=True)
    e = np.exp(a)
    return e / e.sum(axis=1, keepdims=True)


def loss():
    h = np.maximum(0, x @ params['W1'] + params['b1'])
    y = softmax(h @ params['W2'] + params['b2'])
    return -np.sum(np.log(y[np.arange(len(t)), t] + 1e-7)) / len(t)


def numerical_gradient(p):
    grad = np.zeros_like(p)
    it = np.nditer(p, flags=['multi_index'])
    while not it.finished:
        i = it.multi_index
        v = p[i]
        p[i] = v + 1e-4
        above = loss()
        p[i] = v - 1e-4
        below = loss()
        p[i] = v
        grad[i] = (above - below) / 2e-4
        it.iternext()
    return grad


def backprop():
    p = params
    a1 = x @ p['W1'] + p['b1']
    z1 = np.maximum(0, a1)
    y = softmax(z1 @ p['W2'] + p['b2'])
    dy = y.copy()
    dy[np.arange(len(t)), t] -= 1
    dy /= len(t)
    da1 = (dy @ p['W2'].T) * (a1 > 0)
    return {'W1': x.T @ da1, 'b1': da1.sum(0), 'W2': z1.T @ dy, 'b2': dy.sum(0)}


grads = backprop()
for name in ('W1', 'b1', 'W2', 'b2'):
    print(name, np.average(np.abs(grads[name] - numerical_gradient(params[name]))))
