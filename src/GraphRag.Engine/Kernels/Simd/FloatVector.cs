using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphRag.Engine.Kernels.Simd;

/// <summary>
/// The few float-vector operations the register-blocked kernels need, so that one kernel body serves every
/// width: a kernel generic over a struct implementing this is compiled once per width, with the calls inlined.
/// </summary>
internal unsafe interface IFloatVector<TSelf> where TSelf : struct, IFloatVector<TSelf>
{
    static abstract int Lanes { get; }

    static abstract TSelf Load(float* source);

    static abstract TSelf Broadcast(float value);

    /// <summary>a·b + c, fused where the CPU has FMA.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);

    static abstract float Sum(TSelf value);

    void Store(float* destination);
}

internal readonly unsafe struct Float512(Vector512<float> value) : IFloatVector<Float512>
{
    private readonly Vector512<float> _value = value;

    public static int Lanes => Vector512<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 Load(float* source) => new(Vector512.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 Broadcast(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 MultiplyAdd(Float512 a, Float512 b, Float512 c) => new(Vector512.MultiplyAddEstimate(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Float512 value) => Vector512.Sum(value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(float* destination) => _value.Store(destination);
}

internal readonly unsafe struct Float256(Vector256<float> value) : IFloatVector<Float256>
{
    private readonly Vector256<float> _value = value;

    public static int Lanes => Vector256<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 Load(float* source) => new(Vector256.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 Broadcast(float value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 MultiplyAdd(Float256 a, Float256 b, Float256 c) => new(Vector256.MultiplyAddEstimate(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Float256 value) => Vector256.Sum(value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(float* destination) => _value.Store(destination);
}

internal readonly unsafe struct Float128(Vector128<float> value) : IFloatVector<Float128>
{
    private readonly Vector128<float> _value = value;

    public static int Lanes => Vector128<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float128 Load(float* source) => new(Vector128.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float128 Broadcast(float value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float128 MultiplyAdd(Float128 a, Float128 b, Float128 c) => new(Vector128.MultiplyAddEstimate(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Float128 value) => Vector128.Sum(value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(float* destination) => _value.Store(destination);
}

/// <summary>One lane: the scalar path, for CPUs without SIMD and as the plainest reference of the blocked loops.</summary>
internal readonly unsafe struct Float1(float value) : IFloatVector<Float1>
{
    private readonly float _value = value;

    public static int Lanes => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float1 Load(float* source) => new(*source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float1 Broadcast(float value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float1 MultiplyAdd(Float1 a, Float1 b, Float1 c) => new(a._value * b._value + c._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Float1 value) => value._value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(float* destination) => *destination = _value;
}
